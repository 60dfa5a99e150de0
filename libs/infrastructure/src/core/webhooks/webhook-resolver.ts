import { lookup } from 'node:dns/promises';
import { ipLiteralOf, refusalOf } from './webhook-address-policy';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Name to addresses: the system resolver, or a stub in tests (which then send no packet anywhere). */
export type WebhookResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: WebhookResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** The address is not one the server calls. */
export class AddressRefusedError extends Error {}

export interface AddressCheckSettings {
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS: development and tests call receivers on 127.0.0.1. */
  allowPrivateNetworks: boolean;
  resolve: WebhookResolver;
}

/**
 * The addresses of a URL host, each checked: an IP literal as it is, a name through the
 * resolver. Any refused address refuses the host (a name answering both a public and a private
 * address must not get through on a second lookup). Throws AddressRefusedError, or the
 * resolver's own error when the name does not resolve.
 */
export async function checkedAddresses(hostname: string, settings: AddressCheckSettings): Promise<ResolvedAddress[]> {
  const literal = ipLiteralOf(hostname);
  const addresses = literal ? [{ address: literal, family: (literal.includes(':') ? 6 : 4) as 4 | 6 }] : await settings.resolve(hostname);
  if (addresses.length === 0) throw new AddressRefusedError(`${hostname} has no address`);
  if (!settings.allowPrivateNetworks) {
    for (const { address } of addresses) {
      const reason = refusalOf(address);
      if (reason) throw new AddressRefusedError(literal ? reason : `${hostname} resolves to ${reason.replace(/^\S+ is/, 'an address')}`);
    }
  }
  return addresses;
}
