import type { Rng } from '../random';
import type { TextDomain, Topic } from './domain';
import {
  ADJECTIVES,
  CADENCES,
  FEATURES,
  OBJECTS,
  PEOPLE,
  REASONS,
  STATES,
  TEAMS,
  VERBS,
  entityName,
  fillSentences,
  plural,
} from './vocab';

const DOCS = [
  'memo',
  'meeting note',
  'incident report',
  'contract draft',
  'product brief',
  'support thread',
  'audit',
];
const OUTCOMES = [
  'slipped',
  'shrank',
  'doubled',
  'stalled',
  'recovered',
  'improved',
  'regressed',
  'grew',
  'halved',
  'vanished',
  'spiked',
  'settled',
  'dropped',
  'tripled',
  'rebounded',
  'plateaued',
];

// The document to summarise: a few sentences per unit of prompt length.
const DOCUMENT = [
  '{person} from {team} reported that the {adj} {object} of {E} {outcome} after the {feature} change.',
  'The {team} group agreed to {verb} every {adj} {object} before {E} signs off.',
  'According to {person}, {reason}, which is why the {object} for {E} {outcome}.',
  'A follow-up with {person} will {verb} the {feature} settings and review the {adj} {object}s.',
  '{E} asked {team} to {verb} the {object} twice, and {person} noted that it {outcome}.',
  'Open question: should {team} {verb} the {adj} {object}s of {E} or wait for {person}?',
];

const ASK = [
  'Summarize this {doc} about {E} in a few sentences:',
  'Give me the key points of the {doc} for {E}:',
  'TL;DR of the following {doc} ({E}), please:',
];

const ANSWER = [
  'The {doc} says {adj} {E} {objects} {outcome}, mainly since {feature} {state} {cadence}.',
  '{P} and {team} will {verb} {adj} {objects} before {E} signs.',
  'Main risk: {feature} {state} again, and {E} {objects} {outcome}.',
  'Next, {P} should {verb} {adj} {objects} and brief {team} {cadence}.',
  'Overall {E} looks {adj}, although {P} still must {verb} {objects}.',
  'Decision: {team} owns {feature}, while {P} chases {adj} {objects}.',
  '{P} flagged that {E} {objects} {state} {cadence} under {feature}.',
  'Open point: {team} or {P} to {verb} {adj} {E} {objects}?',
  'Numbers: {E} {objects} {outcome} once {team} changed {feature}.',
  'Owners: {P} for {feature}, {P} for {adj} {objects}, {team} for {E}.',
];

const SHORT = ['{E}: {objects} {outcome}; {P} follows up.', 'Key point: {team} must {verb} {objects}.'];

const CORRECTIONS = [
  'No, I meant the {doc} says {P} owns {objects}, not {team}; {feature} {outcome}.',
  'Better summary: {E} {outcome} because {feature} {state}, and {team} will {verb} {adj} {objects}.',
];

function slots(rng: Rng, topic: Topic) {
  const object = () => (rng.chance(0.4) ? topic.object : rng.pick(OBJECTS));
  return {
    E: [topic.entity],
    doc: [topic.feature],
    object,
    objects: () => plural(object()),
    feature: FEATURES,
    verb: VERBS,
    adj: ADJECTIVES,
    person: PEOPLE,
    P: PEOPLE,
    team: TEAMS,
    reason: REASONS,
    outcome: OUTCOMES,
    state: STATES,
    cadence: CADENCES,
  };
}

export const SUMMARY: TextDomain = {
  systemPrompt: 'Summarize documents for busy readers: decisions, owners, risks.',
  topic: (rng) => ({ entity: entityName(rng), feature: rng.pick(DOCS), object: rng.pick(OBJECTS) }),
  prompt(rng, topic, context) {
    const s = slots(rng, topic);
    // A summary request always carries a document; "context" scales its length.
    return `${fillSentences(rng, ASK, 1, s)}\n\n${fillSentences(rng, DOCUMENT, 3 + context * 3, s)}`;
  },
  answer: (rng, topic, count) => fillSentences(rng, ANSWER, count, slots(rng, topic)),
  shortAnswer: (rng, topic) => fillSentences(rng, SHORT, 1, slots(rng, topic)),
  correction: (rng, topic) => fillSentences(rng, CORRECTIONS, 1, slots(rng, topic)),
};
