export const PACKAGE_NAME = '@flywheel/instrumentation';
export const PACKAGE_VERSION = '0.1.0';
