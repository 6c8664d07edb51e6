/**
 * Known jailbreak and prompt-injection openers, matched on folded text (lower case, no accents,
 * invisible characters removed). Named so the stored check says which one matched. Gaps between
 * words are bounded (`(?:\S+ ){0,3}`) so no pattern can backtrack more than a constant per start.
 */
export interface JailbreakPattern {
  name: string;
  pattern: RegExp;
  /**
   * Substrings of which every match of `pattern` contains at least one. Almost no prompt holds any,
   * and one scan for all of them costs a fraction of the patterns failing, so the patterns run only
   * when one is present (jailbreak.test.ts checks the screen never changes an answer).
   */
  anchors: readonly string[];
}

const GAP = '(?:\\S+ ){0,3}';

export const JAILBREAK_PATTERNS: readonly JailbreakPattern[] = [
  {
    name: 'ignore_previous_instructions',
    anchors: ['ignor', 'disregard', 'forget', 'override', 'bypass', 'を無視', '忽略'],
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget|override|bypass) ${GAP}(?:previous|prior|above|earlier|preceding|your|the|system) ${GAP}(?:instructions?|prompts?|rules|guidelines|directives|messages?)\\b` +
        `|\\bignoriere? ${GAP}(?:vorherigen|bisherigen|obigen|vorigen) ${GAP}(?:anweisungen|instruktionen|regeln)` +
        `|\\bignore[zr]? ${GAP}(?:les |toutes les )?instructions (?:precedentes|anterieures)` +
        `|\\bignora(?:r)? ${GAP}(?:las )?instrucciones (?:anteriores|previas)` +
        `|\\bignor(?:e|ar|a) ${GAP}(?:as )?instrucoes anteriores` +
        `|(?:以前|前|上記|これまで)の(?:指示|命令|指令)を無視|忽略(?:之前|以上|上面|所有|先前)(?:的)?(?:所有)?(?:指令|指示|说明|规则)`,
    ),
  },
  {
    name: 'dan',
    anchors: ['dan', 'do anything now'],
    pattern:
      /\bdo anything now\b|\b(?:you are|you're|act as|pretend to be|now) (?:a )?dan\b|\bdan mode\b|\bdan (?:jailbreak|prompt)\b/,
  },
  {
    name: 'developer_mode',
    anchors: [
      'developer mode',
      'dev mode',
      'debug mode',
      'god mode',
      'mode developpeur',
      'modus',
      'modo',
      '开发者模式',
      '開発者モード',
    ],
    pattern:
      /\b(?:developer|dev|debug|god) mode (?:enabled|activated|on)\b|\b(?:enable|activate|enter|switch to) (?:the )?(?:developer|dev|god) mode\b|\bentwicklermodus\b|\bmode developpeur\b|\bmodo (?:de )?desarroll?ador\b|\bmodo (?:de )?desenvolvedor\b|开发者模式|開発者モード/,
  },
  {
    name: 'no_restrictions',
    anchors: [
      'restric',
      'limit',
      'rules',
      'filt',
      'guideline',
      'censor',
      'censur',
      'content policy',
      'jailbroken',
      'schrankungen',
      'zensur',
      '制限',
      '限制',
    ],
    pattern: new RegExp(
      `\\b(?:pretend|imagine|act as if|assume) ${GAP}(?:you )?(?:have|had|are) (?:no|without) (?:any )?(?:restrictions|limitations|limits|rules|filters|guidelines|censorship)\\b` +
        `|\\b(?:without|free of|free from) (?:any |all )?(?:restrictions|filters|censorship|content policy|ethical guidelines)\\b` +
        `|\\byou are (?:now )?(?:unrestricted|unfiltered|uncensored|jailbroken|free from (?:all )?(?:rules|restrictions))\\b` +
        `|\\bohne (?:jegliche |alle )?(?:einschrankungen|beschrankungen|filter|zensur)\\b` +
        `|\\bsans (?:aucune |aucun )?(?:restriction|limite|filtre|censure)s?\\b` +
        `|\\bsin (?:ninguna |ningun )?(?:restriccion|restricciones|limites|filtros|censura)\\b` +
        `|\\bsem (?:nenhuma |nenhum )?(?:restricao|restricoes|limites|filtros|censura)\\b` +
        `|制限なしで|制限のない|没有任何限制|不受任何限制|无任何限制`,
    ),
  },
  {
    name: 'system_prompt_extraction',
    anchors: ['system prompt', 'initial ', 'hidden ', 'original instructions', 'repeat the '],
    pattern: new RegExp(
      `\\b(?:reveal|show|print|repeat|output|tell me|leak|display) ${GAP}(?:your|the) ${GAP}(?:system prompt|initial (?:prompt|instructions)|hidden (?:prompt|instructions)|original instructions)\\b` +
        `|\\brepeat the (?:words|text) above\\b`,
    ),
  },
  {
    name: 'evil_roleplay',
    anchors: [
      'evil',
      'unfiltered',
      'uncensored',
      'amoral',
      'unethical',
      'jailbroken',
      'no rules',
      'no restrictions',
      'no filters',
      'always answer',
      'always respond',
    ],
    pattern:
      /\b(?:act as|you are|pretend to be|roleplay as) (?:an? )?(?:evil|unfiltered|uncensored|amoral|unethical|jailbroken) (?:ai|assistant|chatbot|model|version)\b|\b(?:aim|stan|dude|mongo tom)\b.{0,40}\b(?:no (?:rules|restrictions|filters)|always (?:answer|respond))/,
  },
];
