import type { Rule } from '../rule.js';

/**
 * A citation key that no bibliography defines: `[@smith2020]` when no entry has id `smith2020`.
 * In-text keys (`@smith2020 argues`) are never reported: a bare `@word` no bibliography holds is
 * text (a handle such as `@someone`), not a citation, so only bracketed keys reach this rule.
 */
export const unknownCitationKey: Rule = {
  meta: {
    id: 'unknown-citation-key',
    description: '`[@key]` not in any bibliography',
    defaultSeverity: 'error',
    tags: ['citations'],
  },
  check(ctx) {
    const { bibliography } = ctx.model;
    // A key missing from the entries read may be in the bibliography that could not be read: that
    // file's one invalid-bibliography finding says what to fix, rather than one error per key.
    if (ctx.model.unreadableBibliographies.length > 0) return;
    for (const source of ctx.model.sources) {
      if ((source.kind !== 'citation' && source.kind !== 'dcite') || !source.key || source.entry) continue;
      const entries = `${bibliography.size} ${bibliography.size === 1 ? 'entry' : 'entries'}`;
      const message =
        bibliography.size > 0
          ? `Citation key \`${source.key}\` is not in the bibliography (${entries}): add the entry or fix the key`
          : `Citation key \`${source.key}\` cannot be resolved: no bibliography is configured; add \`bibliography:\` to the front matter or .warrant.yaml`;
      ctx.report({
        range: source.range,
        message,
        data: { key: source.key },
      });
    }
  },
};
