/**
 * Provider key shapes. Each pattern starts with a literal prefix and its quantifiers are either
 * bounded or followed by nothing that can fail, so no pattern backtracks more than a constant per
 * start position. `group` names the capture that is the secret itself (default: the whole match).
 */
export interface SecretRule {
  name: string;
  pattern: RegExp;
  /**
   * Literals of which every match contains at least one. A text containing none is skipped without
   * running the pattern: `includes` costs a fraction of a regex scan, and most texts hold no key.
   */
  anchors: readonly string[];
  group?: number;
  accept?: (value: string) => boolean;
}

const TOKEN_TAIL = '(?![A-Za-z0-9_-])';
const hasDigitAndLetter = (v: string): boolean => /\d/.test(v) && /[A-Za-z]/.test(v);

export const SECRET_RULES: readonly SecretRule[] = [
  { name: 'anthropic', anchors: ['sk-ant-'], pattern: /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}/g },
  {
    name: 'openai',
    anchors: ['sk-'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}${TOKEN_TAIL}`,
      'g',
    ),
    // `sk-learn-tutorial-for-beginners` is a slug; generated keys always mix digits and letters.
    accept: hasDigitAndLetter,
  },
  {
    name: 'aws-access-key-id',
    anchors: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  },
  {
    name: 'github',
    anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g,
  },
  { name: 'gitlab', anchors: ['glpat-'], pattern: /(?<![A-Za-z0-9_])glpat-[A-Za-z0-9_-]{20,}/g },
  { name: 'slack-token', anchors: ['xox'], pattern: /(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}/g },
  {
    name: 'slack-webhook',
    anchors: ['hooks.slack.com/services/'],
    pattern: /hooks\.slack\.com\/services\/[A-Za-z0-9/_-]{20,}/g,
  },
  { name: 'google-api-key', anchors: ['AIza'], pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}/g },
  {
    name: 'stripe',
    anchors: ['_live_', '_test_'],
    pattern: /(?<![A-Za-z0-9_])(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{16,}/g,
  },
  { name: 'stripe-webhook', anchors: ['whsec_'], pattern: /(?<![A-Za-z0-9_])whsec_[0-9A-Za-z]{24,}/g },
  { name: 'npm', anchors: ['npm_'], pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g },
  {
    name: 'huggingface',
    anchors: ['hf_'],
    pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{30,}/g,
    accept: hasDigitAndLetter,
  },
  { name: 'sendgrid', anchors: ['SG.'], pattern: /SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}/g },
  {
    name: 'jwt',
    anchors: ['eyJ'],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}/g,
  },
  {
    name: 'bearer',
    anchors: ['earer'],
    pattern: /\b[Bb]earer[ \t]{1,4}([A-Za-z0-9._~+/-]{16,}=*)/g,
    group: 1,
  },
  {
    name: 'basic-auth',
    anchors: ['Basic'],
    pattern: /\bBasic[ \t]{1,4}([A-Za-z0-9+/]{12,}={0,2})(?![A-Za-z0-9+/=])/g,
    group: 1,
  },
  {
    name: 'url-credentials',
    anchors: ['://'],
    pattern: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,128}:([^\s@/]{1,256})@/gi,
    group: 1,
  },
];

// Labels whose value is a credential, in the languages the product sees most. The label may be
// part of a longer identifier (DB_PASSWORD, aws_secret_access_key, clientSecret).
const SECRET_LABEL =
  '(?:pass(?:word|wd|phrase)|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?' +
  '|passwort|kennwort|mot de passe|contrase(?:ñ|n)a|senha|パスワード|密码|密碼)';

export const ASSIGNMENT = new RegExp(
  `(${SECRET_LABEL}[A-Za-z0-9_.-]{0,40})["']?[ \\t]{0,4}(?::=|=>|[:=])[ \\t]{0,4}` +
    `(?:"([^"\\r\\n]+)"|'([^'\\r\\n]+)'|([^\\s"'\`,;<>(){}\\[\\]]+))`,
  'gi',
);

export const PASSWORD_LABEL = /pass|pwd|passwort|kennwort|mot de passe|contrase|senha|パスワード|密码|密碼/i;

/** Keys that contain a label but name something about the secret, not the secret itself. */
export const NOT_SECRET_KEY =
  /tokens|tokeni[sz]|count|type$|_?id$|url$|uri$|path$|file$|name$|length|_len$|policy|hint|reset|expir|limit|usage|required|min$|max$/i;

/** Values that stand in for a secret rather than being one. */
export const PLACEHOLDER_VALUE =
  /^(?:\*+|x{3,}|\.{3,}|-+|\?+|<[^>]*>|\$\{[^}]*\}|\{\{.*\}\}|%[sd]|\$[A-Z_][A-Z0-9_]*|(?:process\.env|os\.environ|env)\b.*|null|nil|none|undefined|true|false|string|number|boolean|text|redacted|\[redacted\]|hidden|secret|password|your[_-]?\w*|example|changeme)$/i;
