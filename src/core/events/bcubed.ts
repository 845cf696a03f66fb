/** B-cubed precision, recall and F1 of a clustering against gold labels. */
export function bcubed(gold: readonly (string | number)[], predicted: readonly (string | number)[]): { precision: number; recall: number; f1: number } {
  const byGold = new Map<string | number, number[]>();
  const byPred = new Map<string | number, number[]>();
  gold.forEach((g, i) => byGold.set(g, [...(byGold.get(g) ?? []), i]));
  predicted.forEach((p, i) => byPred.set(p, [...(byPred.get(p) ?? []), i]));
  let p = 0;
  let r = 0;
  for (let i = 0; i < gold.length; i++) {
    const sameGold = new Set(byGold.get(gold[i]));
    const samePred = byPred.get(predicted[i])!;
    const both = samePred.filter((j) => sameGold.has(j)).length;
    p += both / samePred.length;
    r += both / sameGold.size;
  }
  p /= gold.length || 1;
  r /= gold.length || 1;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
