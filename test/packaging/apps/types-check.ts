// Compiled (never run) inside the packaged apps by tarballs.integration.test.ts, with the apps' own
// module settings: the published declarations must resolve for `import` and for `require`, without
// the repository's sources, and must be real types rather than `any`.
import { registerFlywheel, signals, withFlywheel } from '@flywheel/instrumentation';
import type { FlywheelHandle, RegisterFlywheelOptions } from '@flywheel/instrumentation';
import { createBrowserSignals } from '@flywheel/instrumentation/browser';
import type { BrowserSignals } from '@flywheel/instrumentation/browser';
import { SIGNAL_KINDS, signalPolarity } from '@flywheel/semconv';
import type { SignalKind } from '@flywheel/semconv';

export function typesCheck(): void {
  const options: RegisterFlywheelOptions = { serviceName: 'app', autoImport: false };
  const handle: FlywheelHandle = registerFlywheel(options);
  const kind: SignalKind = 'accepted';
  const known: readonly SignalKind[] = SIGNAL_KINDS;
  const browser: BrowserSignals = createBrowserSignals({ endpoint: 'http://127.0.0.1:8080' });
  withFlywheel({ workloadId: 'support' }, () => signals.accept('request-1'));
  void [handle.ready, kind, known, signalPolarity(kind, undefined), browser];
  // @ts-expect-error -- serviceName is a string: this line only compiles if the types were lost (any)
  registerFlywheel({ serviceName: 42 });
  // @ts-expect-error -- not a signal kind
  const wrong: SignalKind = 'liked';
  void wrong;
}
