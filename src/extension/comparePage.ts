/**
 * The view the Compare page renders, built from a comparison (its HTML is the pages' shell:
 * src/extension/webviewPage.ts). The Chromium test renders exactly this.
 */
import { alignedRows } from '../core/compare/rows';
import type { ComparisonReport } from '../core/compare/report';
import type { CompareView } from '../shared/compareProtocol';

/** The comparison as the page shows it: headers, aligned rows and the two matrices. */
export function compareView(report: ComparisonReport): CompareView {
  return {
    articles: report.articles.map((a) => ({ file: a.file, title: a.title, outlet: a.outlet, date: a.date, sharedFraction: a.sharedFraction, overlapFraction: a.overlapFraction, uniqueCount: a.unique.length })),
    rows: alignedRows(report),
    quotes: report.quotes,
    entities: report.entities.map((e) => ({ name: e.name, type: e.type, counts: e.counts })),
  };
}
