import type { Rng } from '../random';
import type { TextDomain, Topic } from './domain';
import {
  ADJECTIVES,
  CADENCES,
  OBJECTS,
  PEOPLE,
  STATES,
  VERBS,
  entityName,
  fillSentences,
  identifier,
  plural,
} from './vocab';

const LANGUAGES = ['TypeScript', 'Python', 'Go', 'Rust', 'Java', 'Kotlin', 'Ruby', 'C#', 'Swift', 'Scala'];
const ERRORS = [
  'a null reference',
  'an index out of range error',
  'a type mismatch',
  'a deadlock',
  'a timeout',
  'an unhandled promise rejection',
  'a stack overflow',
  'a permission error',
  'an encoding error',
  'a race condition',
  'a memory leak',
  'a division by zero',
];
const STRUCTURES = [
  'map',
  'list',
  'queue',
  'set',
  'tree',
  'stream',
  'channel',
  'buffer',
  'iterator',
  'slice',
];

const CONTEXT = [
  'Our {lang} service {E} handles {adj} {object}s with {fn}, which {person} wrote last year.',
  'The {structure} inside {fn} grows when {E} receives {adj} {object}s.',
  'Tests for {fn} pass locally, but the {E} build fails with {error}.',
  '{person} says {fn} should {verb} each {object} before the {structure} is flushed.',
];

const QUESTIONS = [
  'Write a {lang} function {fn} that can {verb} {adj} {object}s for {E}.',
  'Why does {fn} throw {error} when {E} passes an {adj} {object}?',
  'How should I {verb} {object}s from a {structure} in {lang} without copying them?',
  'Can you refactor {fn} so it can {verb} {adj} {object}s lazily?',
];

const ANSWER = [
  'That {error} comes from {fn} reading {adj} {structure}s after {E} closed them; {verb} {objects} first.',
  'Wrap {fn} so {fn2} checks each {adj} {object} before {P} can {verb} it into {structure}s.',
  'In {lang}, prefer {adj} {structure}s keyed by {object} ids, letting {fn} {verb} entries {cadence}.',
  'Extract {fn2}: {fn} then stays readable and {P} tests {adj} {objects} alone.',
  'Hoist {structure} allocation outside {fn}; {fn2} then reuses it for {E} {objects}.',
  'Guard {adj} {objects} early in {fn}, returning {fn2} results instead of {error}.',
  'Cover {fn} with tests feeding {E} {adj} {objects}, asserting {structure} sizes {cadence}.',
  'When {E} runs {adj} workers, protect {structure}s with locks or hand {objects} to {fn2}.',
  '{P} noticed {fn} {state} {cadence} because {fn2} returns {adj} {objects}.',
  'Profile {fn} under {E} load: {adj} {structure}s {state} while {fn2} waits.',
  'Rename {fn2} to describe {adj} {objects}, then {verb} {E} {objects} through it.',
  'Finally, log {fn} inputs whenever {E} {objects} {state}, so {P} sees {adj} cases.',
];

const SHORT = ['Call {fn2} before {fn} and {verb} {objects} once.', 'Use {adj} {structure}s inside {fn}.'];

const CORRECTIONS = [
  'No, I meant {fn} must {verb} only {adj} {objects}; keep {structure}s and call {fn2} from {E}.',
  'That is not what I asked: {fn} runs in {lang} and {error} happens inside {fn2}.',
];

function slots(rng: Rng, topic: Topic, fn: string, lang: string) {
  const object = () => (rng.chance(0.4) ? topic.object : rng.pick(OBJECTS));
  return {
    E: [topic.entity],
    fn: [fn],
    fn2: () => identifier(rng),
    lang: [lang],
    object,
    objects: () => plural(object()),
    verb: VERBS,
    adj: ADJECTIVES,
    P: PEOPLE,
    error: ERRORS,
    structure: STRUCTURES,
    state: STATES,
    cadence: CADENCES,
  };
}

// The function name and language are drawn from the topic's own stream so prompt and answer agree.
function named(topic: Topic): { fn: string; lang: string } {
  return { fn: topic.feature, lang: LANGUAGES[topic.entity.length % LANGUAGES.length]! };
}

function codeBlock(rng: Rng, topic: Topic, fn: string, lang: string): string {
  // Every line is made of drawn names: shared boilerplate would make unrelated answers near-duplicates.
  const items = plural(topic.object);
  const acc = identifier(rng);
  const item = rng.pick(ADJECTIVES) + topic.object[0]!.toUpperCase() + topic.object.slice(1);
  return [
    '```' + lang.toLowerCase(),
    `function ${fn}(${items}) {`,
    `  const ${acc} = ${identifier(rng)}(${items});`,
    `  for (const ${item} of ${identifier(rng)}(${acc})) ${identifier(rng)}(${item}, ${acc});`,
    `  return ${identifier(rng)}(${acc});`,
    '}',
    '```',
  ].join('\n');
}

export const CODE: TextDomain = {
  systemPrompt: 'You are a coding assistant. Explain the fix, then show the code.',
  topic: (rng) => ({ entity: entityName(rng), feature: identifier(rng), object: rng.pick(OBJECTS) }),
  prompt(rng, topic, context) {
    const { fn, lang } = named(topic);
    const s = slots(rng, topic, fn, lang);
    return [fillSentences(rng, CONTEXT, context, s), fillSentences(rng, QUESTIONS, 1, s)]
      .filter(Boolean)
      .join(' ');
  },
  answer(rng, topic, count) {
    const { fn, lang } = named(topic);
    const text = fillSentences(rng, ANSWER, count, slots(rng, topic, fn, lang));
    return rng.chance(0.6) ? `${text}\n\n${codeBlock(rng, topic, fn, lang)}` : text;
  },
  shortAnswer(rng, topic) {
    const { fn, lang } = named(topic);
    return fillSentences(rng, SHORT, 1, slots(rng, topic, fn, lang));
  },
  correction(rng, topic) {
    const { fn, lang } = named(topic);
    return fillSentences(rng, CORRECTIONS, 1, slots(rng, topic, fn, lang));
  },
};
