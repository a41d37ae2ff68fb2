/** What "Warrant: Create Config File" writes when the CLI's `init` template is not available. */
export const CONFIG_TEMPLATE = `# Warrant configuration: https://github.com/warrant-dev/warrant
# YAML only: configuration never runs code.

# Rule severities: off | hint | info | warning | error
rules:
  unsupported-claim: warning
  uncited-assertion: info

# Bibliographies for Pandoc citations [@key] (CSL-JSON, CSL-YAML or BibTeX)
# bibliography:
#   - references.bib
# A front-matter \`bibliography: post.bib\` not beside its file is looked for in these folders, from
# the file's folder up to the site root (default: assets/bibliography, _bibliography):
# bibliography:
#   files: [references.bib]
#   searchPaths: [assets/bibliography, _bibliography]
`;
