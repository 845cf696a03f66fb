/** The worker's messages as calls on the engine (the worker and the in-process fallback share this). */
import type { AnalysisEngine } from '../engine/analysisEngine';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';

export function handleRequest(engine: AnalysisEngine, request: AnalysisRequest): AnalysisResponse {
  switch (request.type) {
    case 'remove':
      engine.remove(request.uri);
      return { type: 'done', id: request.id, uri: request.uri, result: null };
    case 'rename':
      engine.rename(request.from, request.to);
      return { type: 'done', id: request.id, uri: request.to, result: null };
    case 'analyze':
      return { type: 'done', id: request.id, uri: request.uri, result: engine.analyze(request) };
    case 'entities':
      return { type: 'entities', id: request.id, uri: '', result: null, snapshot: engine.entitySnapshot() };
    case 'events':
      return { type: 'events', id: request.id, uri: '', result: null, events: engine.events(request.threshold, request.maxGapDays) };
    case 'exportData':
      return { type: 'exportData', id: request.id, uri: '', result: null, articles: engine.exportData() };
    case 'reuse':
      return { type: 'reuse', id: request.id, uri: '', result: null, reuse: engine.reuse() };
    case 'provenance':
      return { type: 'provenance', id: request.id, uri: '', result: null, ...engine.provenanceTimeline(request.uris) };
    case 'compare':
      return { type: 'compare', id: request.id, uri: '', result: null, ...engine.compare(request.uris) };
  }
}
