/**
 * Whether a host name or address is this machine's loopback: `localhost`, `127.x.x.x` or `::1` (with or
 * without brackets). A DNS-rebinding page reaches a loopback server under its own name, never under
 * one of these, so a request naming one of them came from this machine's own user.
 */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase();
  return (
    name === 'localhost' ||
    name === '::1' ||
    name === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

/** The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), lower-cased, port dropped. */
export function hostName(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end === -1 ? value : value.slice(0, end + 1);
  }
  const colon = value.indexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}
