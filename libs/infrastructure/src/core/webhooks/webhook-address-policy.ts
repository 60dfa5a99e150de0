import ipaddr from 'ipaddr.js';

/**
 * Why the server refuses to call this address, or null when it is a public unicast one. Only
 * ipaddr.js's `unicast` range passes: loopback, private (RFC 1918), link-local (the cloud
 * metadata address 169.254.169.254 among them), CGNAT, unique-local (fd00:ec2::254),
 * unspecified, multicast, broadcast, reserved and the IPv6 ranges that embed an IPv4 address
 * (mapped, 6to4, Teredo, NAT64) are refused. IPv4-mapped IPv6 is judged as its IPv4 address.
 */
export function refusalOf(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  return range === 'unicast' ? null : `${address} is in a ${range} range`;
}

/** The address inside URL host syntax (`[::1]` → `::1`), or null when the host is a name. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}
