/** Runs the core analysis for the worker (or in-process when no worker can start). */
import { articleToJson } from '../core/articleSummary';
import { CorpusIndex } from '../core/corpusIndex';
import { decodeArticleBytes } from '../core/text';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';

export class AnalysisEngine {
  private readonly index = new CorpusIndex();

  handle(request: AnalysisRequest): AnalysisResponse {
    switch (request.type) {
      case 'remove':
        this.index.remove(request.uri);
        return { type: 'done', id: request.id, uri: request.uri, result: null };
      case 'rename':
        this.index.rename(request.from, request.to);
        return { type: 'done', id: request.id, uri: request.to, result: null };
      case 'analyze':
        return { type: 'done', id: request.id, uri: request.uri, result: this.analyze(request) };
    }
  }

  private analyze(request: Extract<AnalysisRequest, { type: 'analyze' }>): AnalysisResponse['result'] {
    let text = request.text;
    if (text === undefined) {
      const decoded = decodeArticleBytes(request.bytes ?? new Uint8Array());
      if (!decoded.ok) {
        this.index.markUnreadable(request.uri, decoded.message);
        return { ok: false, message: `This file ${decoded.message}.` };
      }
      text = decoded.text;
    }
    if (text.trim() === '') {
      this.index.markUnreadable(request.uri, 'empty');
      return { ok: false, message: 'This file is empty.' };
    }
    const started = Date.now();
    const { entry } = this.index.upsert(request.uri, text, request.metadata);
    const fileName = decodeURIComponent(request.uri.slice(request.uri.lastIndexOf('/') + 1));
    return {
      ok: true,
      article: articleToJson(fileName, entry.article),
      bodyLength: entry.article.bodyLength,
      hash: entry.hash,
      millis: Date.now() - started,
    };
  }
}
