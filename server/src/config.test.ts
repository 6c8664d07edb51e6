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
