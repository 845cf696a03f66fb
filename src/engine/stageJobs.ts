/**
 * What the stage pool's workers are asked and answer: one article's text and metadata (and its
 * structure, when the engine has it already), and the per-article results it lacks. The same
 * calls the corpus index makes in-process (`parseArticle`, then the entity stage's `run`), so a
 * result from a worker is the result the engine would have computed itself.
 */
import { parseArticle, type Article, type ArticleMetadata } from '../core/article';
import type { Stage } from '../core/corpusIndex';
import type { EntityMention } from '../core/entities/mentions';

export interface StageJob {
  readonly id: number;
  readonly text: string;
  readonly metadata: ArticleMetadata;
  /** The article's structure when the engine has it; otherwise the worker parses the text. */
  readonly article?: Article;
  /** Whether the structure is wanted back (false when the engine sent it). */
  readonly wantArticle: boolean;
  readonly wantMentions: boolean;
}

/** The per-article results a job asked for. */
export interface StageResults {
  article?: Article;
  mentions?: EntityMention[];
}

export type StageReply = ({ readonly id: number; readonly ok: true } & StageResults) | { readonly id: number; readonly ok: false; readonly message: string };

export function runStages(job: StageJob, entities: Stage<EntityMention[]>): StageResults {
  const article = job.article ?? parseArticle(job.text, job.metadata);
  const out: StageResults = {};
  if (job.wantArticle) out.article = article;
  if (job.wantMentions) out.mentions = entities.run({ uri: '', text: job.text, metadata: job.metadata }, article);
  return out;
}
