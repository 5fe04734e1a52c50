import { expect } from "chai";
import type http from "node:http";
import { clientAddressOf } from "../src/fairUse";

const request = (peer: string, forwardedFor?: string) => ({ socket: { remoteAddress: peer }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as unknown as http.IncomingMessage;

describe("fair use: whose budget a request spends", () => {
  it("without TRUST_PROXY: the socket's peer, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf(request("10.0.0.5", "203.0.113.9"), 0)).to.equal("10.0.0.5");
  });

  it("behind trusted proxies: the address the outermost one saw, read from the right", () => {
    // The client wrote "1.2.3.4" itself; the one proxy appended the real peer 203.0.113.9.
    expect(clientAddressOf(request("10.0.0.5", "1.2.3.4, 203.0.113.9"), 1)).to.equal("203.0.113.9");
    expect(clientAddressOf(request("10.0.0.5", "1.2.3.4, 203.0.113.9, 10.0.0.4"), 2)).to.equal("203.0.113.9");
  });

  it("falls back to the peer when the header is missing, short or not an address", () => {
    expect(clientAddressOf(request("10.0.0.5"), 1)).to.equal("10.0.0.5");
    expect(clientAddressOf(request("10.0.0.5", "203.0.113.9"), 2)).to.equal("10.0.0.5");
    expect(clientAddressOf(request("10.0.0.5", "<script>"), 1)).to.equal("10.0.0.5");
  });
});
