export { AlarmEvaluator } from './evaluator';
export type { EvaluationResult, EvaluatorOptions } from './evaluator';
export { scheduleEvaluations } from './schedule';
export { transition } from './state';
export { DEFAULT_RULES, rulesSchema } from './rules';
export type { Rules } from './rules';
export { ALARM_KINDS, alarmKey } from './types';
export type { Alarm, AlarmKind, AlarmState, Condition, Severity } from './types';
