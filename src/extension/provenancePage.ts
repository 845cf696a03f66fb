/**
 * The view the Provenance page renders (its HTML is the pages' shell:
 * src/extension/webviewPage.ts). The Chromium test renders exactly this.
 */
import type { ProvenanceTimeline } from '../core/reuse/timeline';
import type { ProvenanceView } from '../shared/provenanceProtocol';

/** The view the page renders: the engine's timeline of the event's articles under the event's name. */
export function provenanceView(title: string, timeline: ProvenanceTimeline): ProvenanceView {
  return { title, ...timeline };
}
