import type { Rng } from '../random';
import type { TextDomain, Topic } from './domain';
import {
  ADJECTIVES,
  BUTTONS,
  CADENCES,
  CHOOSES,
  FEATURES,
  MENUS,
  OBJECTS,
  OPENS,
  PEOPLE,
  PRESSES,
  PROBLEMS,
  STATES,
  TEAMS,
  TIMEFRAMES,
  VERBS,
  entityName,
  fillSentences,
  plural,
} from './vocab';

const CONTEXT = [
  'We are a {team} team of {n} people and {person} manages the {feature} for {E}.',
  'Our {adj} {object} for {E} {problem} {time}.',
  '{person} tried to {verb} it from {menu} but nothing changed.',
  'The {object} list in {feature} {problem} whenever {person} opens it.',
  'We moved the {adj} {object}s of {E} to the {team} workspace {time}.',
  'I already cleared the cache and asked {person} from {team} to {verb} the {object} again.',
];

const QUESTIONS = [
  'How do I {verb} the {adj} {object} for {E} in {feature}?',
  'Why does the {object} of {E} show as {adj} in {feature}?',
  'Can {person} {verb} {adj} {object}s for {E} without admin rights?',
  'What is the fastest way to {verb} every {adj} {object} of {E}?',
  'Where in {menu} can I {verb} the {object} that {E} uses for {feature}?',
  'Is there a way to {verb} {object}s for {E} automatically every week?',
];

// Slots stand next to each other and fixed words stand alone, so every three-word window carries
// at least one drawn word: unrelated answers then share almost no 3-shingle (see vocab.ts).
const ANSWER = [
  '{open} {menu} {feature}, {choose} {adj} {objects} of {E}, then {press} {button}.',
  '{P} sees {adj} {objects} because {feature} {state} {cadence}; {verb} {E} {objects} in {menu}.',
  '{open} {feature}, {choose} {P} {objects}, then {press} {button} to {verb} {E} {objects}.',
  'Without {feature} rights, {P} asks {team} admins, and {P} grants {menu} access {cadence}.',
  '{E} keeps {adj} {objects} inside {feature} until {P} decides to {verb} {E} {objects}.',
  'After {button}, {feature} refreshes {cadence} and every {E} {object} {state} under {menu}.',
  '{P} could {verb} one {adj} copy first, which keeps {E} {objects} {adj} meanwhile.',
  'A {menu} rule can {verb} new {E} {objects} {cadence}, so {P} never {state} waiting.',
  'Check whether {team} roles include {feature}; otherwise {button} {state} greyed for {P}.',
  'Once {P} confirms, {E} {objects} turn {adj} in {feature} and {menu} {state} {cadence}.',
  'Tip: {verb} {adj} {objects} straight from {feature}, since {menu} {state} {E} {objects} {cadence}.',
  'When {E} {objects} still look {adj}, {open} {menu}, reload {feature}, then {verb} {P} {objects}.',
  '{team} admins at {E} usually {verb} {adj} {objects} via {feature} {cadence}.',
  'Mind that {menu} {state} {adj} {objects} whenever {P} {verb}s {E} {objects} twice.',
  '{P} from {team} confirmed {feature} {state} {cadence} for {adj} {E} {objects}.',
  'Finally, {press} {button} under {menu} {feature} and {E} {objects} {verb} {cadence}.',
];

const SHORT = [
  '{open} {menu}, {choose} {feature}, {press} {button}.',
  '{press} {button} in {feature} to {verb} it.',
];

const CORRECTIONS = [
  'No, I meant the {adj} {object} in {feature}, not {menu}. {P} needs to {verb} it for {E}.',
  'Actually the right place is {menu} {feature}: {verb} {E} {objects} there and {press} {button}.',
];

function slots(rng: Rng, topic: Topic) {
  const object = () => (rng.chance(0.4) ? topic.object : rng.pick(OBJECTS));
  return {
    E: [topic.entity],
    feature: () => (rng.chance(0.4) ? topic.feature : rng.pick(FEATURES)),
    object,
    objects: () => plural(object()),
    verb: VERBS,
    adj: ADJECTIVES,
    menu: MENUS,
    button: BUTTONS,
    person: PEOPLE,
    P: PEOPLE,
    team: TEAMS,
    time: TIMEFRAMES,
    problem: PROBLEMS,
    state: STATES,
    cadence: CADENCES,
    open: OPENS,
    choose: CHOOSES,
    press: PRESSES,
    n: () => String(rng.int(3, 90)),
  };
}

function sentences(rng: Rng, topic: Topic, pool: readonly string[], count: number): string {
  return fillSentences(rng, pool, count, slots(rng, topic));
}

export const SUPPORT: TextDomain = {
  systemPrompt:
    'You are the support assistant of a project management product. Answer precisely and briefly.',
  topic: (rng) => ({ entity: entityName(rng), feature: rng.pick(FEATURES), object: rng.pick(OBJECTS) }),
  prompt: (rng, topic, context) =>
    [sentences(rng, topic, CONTEXT, context), sentences(rng, topic, QUESTIONS, 1)].filter(Boolean).join(' '),
  answer: (rng, topic, count) => sentences(rng, topic, ANSWER, count),
  shortAnswer: (rng, topic) => sentences(rng, topic, SHORT, 1),
  correction: (rng, topic) => sentences(rng, topic, CORRECTIONS, 1),
};
