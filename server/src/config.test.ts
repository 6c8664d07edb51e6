import { describe, expect, it } from 'vitest';
import { resolveServerConfig } from './config';

// FLYWHEEL_ALLOWED_HOSTS: the host names the API port serves besides loopback (docs/security.md).

describe('FLYWHEEL_ALLOWED_HOSTS', () => {
  it('is empty by default and a lower-cased list when set', () => {
    expect(resolveServerConfig({}, {}).allowedHosts).toEqual([]);
    expect(
      resolveServerConfig({}, { FLYWHEEL_ALLOWED_HOSTS: ' Flywheel.Example.com, 10.0.0.5:8080 ,[fd00::1]' })
        .allowedHosts,
    ).toEqual(['flywheel.example.com', '10.0.0.5:8080', '[fd00::1]']);
  });

  it('names the variable when an entry is a URL rather than a host', () => {
    expect(() =>
      resolveServerConfig({}, { FLYWHEEL_ALLOWED_HOSTS: 'https://flywheel.example.com/' }),
    ).toThrow(/^FLYWHEEL_ALLOWED_HOSTS: 'https:\/\/flywheel\.example\.com\/' must be a host name/);
  });
});

// FLYWHEEL_EMBEDDINGS_*: an OpenAI-compatible embeddings service for few-shot search (docs/analytics.md).

describe('FLYWHEEL_EMBEDDINGS_URL, _KEY and _MODEL', () => {
  it('leave embeddings off when unset, and turn them on with the URL alone', () => {
    expect(resolveServerConfig({}, {}).embeddings).toBeUndefined();
    expect(
      resolveServerConfig({}, { FLYWHEEL_EMBEDDINGS_URL: 'http://127.0.0.1:11434/v1' }).embeddings,
    ).toEqual({
      url: 'http://127.0.0.1:11434/v1',
      model: 'text-embedding-3-small',
    });
    expect(
      resolveServerConfig(
        {},
        {
          FLYWHEEL_EMBEDDINGS_URL: 'https://api.openai.com/v1',
          FLYWHEEL_EMBEDDINGS_KEY: 'sk-abc',
          FLYWHEEL_EMBEDDINGS_MODEL: 'text-embedding-3-large',
        },
      ).embeddings,
    ).toEqual({ url: 'https://api.openai.com/v1', key: 'sk-abc', model: 'text-embedding-3-large' });
  });

  it('name the variable that is wrong', () => {
    expect(() => resolveServerConfig({}, { FLYWHEEL_EMBEDDINGS_URL: 'api.openai.com/v1' })).toThrow(
      /^FLYWHEEL_EMBEDDINGS_URL must be the http\(s\) base URL/,
    );
    expect(() => resolveServerConfig({}, { FLYWHEEL_EMBEDDINGS_URL: 'ftp://example.com/v1' })).toThrow(
      /^FLYWHEEL_EMBEDDINGS_URL must be/,
    );
    expect(() =>
      resolveServerConfig(
        {},
        { FLYWHEEL_EMBEDDINGS_URL: 'https://api.openai.com/v1', FLYWHEEL_EMBEDDINGS_MODEL: 'a b' },
      ),
    ).toThrow(/^FLYWHEEL_EMBEDDINGS_MODEL must be a model name/);
    expect(() => resolveServerConfig({}, { FLYWHEEL_EMBEDDINGS_KEY: 'sk-abc' })).toThrow(
      /^FLYWHEEL_EMBEDDINGS_KEY is set but FLYWHEEL_EMBEDDINGS_URL is not$/,
    );
  });

  it('take an empty variable for an unset one', () => {
    expect(
      resolveServerConfig({}, { FLYWHEEL_EMBEDDINGS_URL: '', FLYWHEEL_EMBEDDINGS_KEY: '' }).embeddings,
    ).toBeUndefined();
  });
});
