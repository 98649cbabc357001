// The record types genesis datasets are made of (their JSON Schemas live in schemas/).

export type Language = 'en' | 'es';
export type Sentiment = 'positive' | 'neutral' | 'negative';
export type Complexity = 'simple' | 'medium' | 'complex';
export type Speaker = 'customer' | 'agent';

export interface Turn {
  speaker: Speaker;
  text: string;
}

export interface Conversation {
  conversation_id: string;
  intent: string;
  category: string;
  sentiment: Sentiment;
  complexity: Complexity;
  emotion_arc: string;
  language: Language;
  turn_count: number;
  resolution_status: string;
  turns: Turn[];
  /** Generation metadata (provider, template version…); optional for data made elsewhere. */
  meta?: Record<string, unknown>;
}

/** What item i of a conversation plan asks for: drawn deterministically from (seed, i). */
export interface ConversationSpec {
  index: number;
  conversation_id: string;
  intent: string;
  category: string;
  language: Language;
  sentiment: Sentiment;
  complexity: Complexity;
  /** Inclusive bounds on the number of turns. */
  turns: { min: number; max: number };
  /** Probability of a typo / informal register per customer turn. */
  noise: number;
}

export interface Series {
  series_id: string;
  domain: string;
  series_type: string;
  frequency: string;
  /** ISO-8601 timestamp of the first point, UTC. */
  start: string;
  length: number;
  target: number[];
  unit: string;
  seasonality_types: string[];
  trend_type: string;
  meta?: Record<string, unknown>;
}

export interface SeriesSpec {
  index: number;
  series_id: string;
  domain: string;
  series_type: string;
  frequency: string;
  start: string;
  length: number;
}
