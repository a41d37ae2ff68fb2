/**
 * A ~170 KB essay generated from a seed: claim headings with links and citations, objections
 * and defenses, some claims left unsupported. Deterministic, so findings are stable.
 */
const TOPICS = ['kerb space', 'bus lanes', 'cycle parking', 'school streets', 'loading bays', 'night buses', 'tram priority', 'speed cameras'];
const VERBS = ['reduces', 'shortens', 'improves', 'raises', 'stabilises', 'lowers'];
const OBJECTS = ['journey times', 'collision counts', 'footfall', 'rider numbers', 'noise complaints', 'delivery delays'];

export function bigEssay(targetBytes = 170 * 1024): string {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!;
  const parts: string[] = ['# Street changes, measured\n', 'This long essay collects the measured effects of small street changes.\n'];
  let i = 0;
  while (parts.join('\n').length < targetBytes) {
    i++;
    const topic = pick(TOPICS);
    const unsupported = i % 9 === 0;
    parts.push(`### Claim ${i}: Changing ${topic} ${pick(VERBS)} ${pick(OBJECTS)}\n`);
    for (let p = 0; p < 3; p++) {
      const link = unsupported ? `the ${topic} trial` : `[the ${topic} trial ${i}.${p}](https://example.org/trials/${i}/${p})`;
      parts.push(
        `In district ${rand(90) + 1}, ${link} ran for ${rand(40) + 8} weeks. Counts taken before and after the change ` +
          `moved by ${rand(30) + 2} per cent, and the council kept the layout when the trial ended. ` +
          `Residents asked for the same treatment on ${rand(12) + 2} nearby streets.\n`,
      );
    }
    if (i % 5 === 0) {
      // inside the claim's section: the objection attacks it by containment
      parts.push(`<!-- objection #o${i} -->`);
      parts.push(`**Objection:** The trial in claim ${i} was too short to show a lasting effect.\n`);
      parts.push(`<!-- defense #d${i} defends=#o${i} -->\n**Defense:** Follow-up counts a year later matched the trial.\n`);
    }
  }
  return parts.join('\n');
}
