import type { Rule } from '../rule.js';

/** `[^9]` in the text with no `[^9]: …` definition anywhere in the document. */
export const missingFootnote: Rule = {
  meta: {
    id: 'missing-footnote',
    description: '`[^n]` with no definition',
    defaultSeverity: 'error',
    tags: ['citations', 'references'],
  },
  check(ctx) {
    for (const missing of ctx.model.scan.missingFootnotes) {
      ctx.report({
        range: missing.range,
        message: `Footnote \`[^${missing.label}]\` has no definition: add a \`[^${missing.label}]: …\` line with its source`,
        data: { label: missing.label },
      });
    }
  },
};
