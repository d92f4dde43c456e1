/**
 * IP addresses read as addresses, not compared as text: `2001:db8::1`, `2001:db8:0::1` and `2001:0DB8::0001` are one
 * address, `::ffff:203.0.113.1` is the IPv4 address it maps, a port that a load balancer appended
 * (`203.0.113.1:4711`, `[2001:db8::1]:443`) is dropped, and anything else (`abc:def`, `999.999.999.999`) is no
 * address. Written by hand because the relay runs on Workers too, where `node:net` is not there; the tests compare it
 * with `node:net` on every form they generate.
 */

export interface IpAddress {
  version: 4 | 6;
  /** The canonical text: dotted decimal, or RFC 5952 for IPv6 (lower case, no leading zeros, the longest run of zeros as `::`). */
  address: string;
  /** The 16-bit groups of an IPv6 address (8), or the 4 bytes of an IPv4 one. */
  parts: number[];
}

/** The longest text that can be an address with a port and a zone: anything longer is not read at all. */
const MAX_TEXT = 64;
const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;
const GROUP = /^[0-9a-f]{1,4}$/i;
const PORT = /^\d{1,5}$/;

function ipv4(text: string): number[] | undefined {
  const match = IPV4.exec(text);
  if (!match) return undefined;
  const bytes = match.slice(1).map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

/** The 8 groups of an IPv6 address (with at most one `::`, and dotted IPv4 in the last 32 bits), or `undefined`. */
function ipv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string, last: boolean): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const items = half.split(':');
    for (const [i, item] of items.entries()) {
      if (last && i === items.length - 1 && item.includes('.')) {
        const v4 = ipv4(item);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (GROUP.test(item)) out.push(parseInt(item, 16));
      else return undefined;
    }
    return out;
  };
  if (halves.length === 1) {
    const all = groups(text, true);
    return all?.length === 8 ? all : undefined;
  }
  const head = groups(halves[0]!, false);
  const tail = groups(halves[1]!, true);
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

function canonicalIpv6(groups: readonly number[]): string {
  // The longest run of two or more zero groups (the first of equal ones) becomes `::` (RFC 5952, 4.2).
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

function fromGroups(groups: number[]): IpAddress {
  // An IPv4-mapped address (::ffff:a.b.c.d) is the IPv4 address: a dual-stack socket reports IPv4 clients so.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const parts = [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255];
    return { version: 4, address: parts.join('.'), parts };
  }
  return { version: 6, address: canonicalIpv6(groups), parts: groups };
}

/**
 * The address in `text`, which may carry a port (`a.b.c.d:port`, `[v6]:port`), brackets (`[v6]`) or a zone
 * (`fe80::1%eth0`, dropped); `undefined` when it is not an address.
 */
export function parseIpAddress(text: string | null | undefined): IpAddress | undefined {
  let value = text?.trim();
  if (!value || value.length > MAX_TEXT) return undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) {
    if (bracketed[2] !== undefined && (!PORT.test(bracketed[2]) || Number(bracketed[2]) > 65_535)) return undefined;
    value = bracketed[1]!;
  } else if (/^[\d.]+:\d+$/.test(value)) {
    const [host, port] = value.split(':') as [string, string];
    if (!PORT.test(port) || Number(port) > 65_535) return undefined;
    value = host;
  }
  const zone = value.indexOf('%');
  if (zone >= 0 && value.includes(':')) value = value.slice(0, zone);
  if (!value.includes(':')) {
    if (bracketed) return undefined;
    const parts = ipv4(value);
    return parts && { version: 4, address: parts.join('.'), parts };
  }
  const groups = ipv6(value);
  return groups && fromGroups(groups);
}

/**
 * Whom the rate limit counts: an IPv4 address as it is; an IPv6 address by its first `prefixLength` bits (64 by
 * default: one household or one server usually holds a whole /64, and can change the rest at will), as `prefix/N`.
 */
export function rateLimitKey(address: IpAddress, prefixLength = 64): string {
  if (address.version === 4) return address.address;
  const masked = address.parts.map((group, i) => {
    const bits = Math.min(16, Math.max(0, prefixLength - i * 16));
    return bits === 0 ? 0 : group & ((0xffff << (16 - bits)) & 0xffff);
  });
  return `${canonicalIpv6(masked)}/${prefixLength}`;
}
