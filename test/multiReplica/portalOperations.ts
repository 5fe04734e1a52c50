import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../scripts/lib/paths";

/** One anonymous request of the public portal: a document and its variables. */
export interface PortalRequest {
  operation: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Cooperatives of the demo data to open profiles of and filter lists by. */
export interface PortalSamples {
  codes: string[];
  districtCodes: string[];
}

const example = (file: string) => readFileSync(path.join(REPO_ROOT, "docs", "examples", file), "utf8");

/** Search words as people type them on the portal: no diacritics, lower case. */
const SEARCH_WORDS = ["hop tac xa nong nghiep", "thuy san", "nuoi tom", "dich vu", "u minh", "tan", "lua tom", "muoi"];
const PERIODS: ReadonlyArray<readonly [string, string]> = [
  ["2021-01-01", "2021-06-30"],
  ["2021-07-01", "2021-12-31"],
  ["2022-01-01", "2022-06-30"],
  ["2020-07-01", "2020-12-31"],
];

/** The sample the profiles and filtered lists rotate through, read once through the gateway. */
export const SAMPLES_QUERY = `{ cooperatives(first: 40) { edges { node { code district { code } } } } }`;

/**
 * The portal's screens as the example operations of docs/examples give them, anonymous: the
 * cooperative list filtered by district, the search, a cooperative's profile across every
 * subgraph and the semi-annual report. The i-th request rotates through screens and variables.
 */
export function portalRequests(samples: PortalSamples): (i: number) => PortalRequest {
  const report = example("01-collective-economy-report.graphql");
  const list = example("02-cooperative-list.graphql");
  const profile = example("03-cooperative-profile.graphql");
  const pick = <T>(values: readonly T[], i: number): T => values[i % values.length];
  const screens: ((i: number) => PortalRequest)[] = [
    (i) => ({ operation: "list", query: list, variables: { districtCodes: [pick(samples.districtCodes, i)], first: 20 } }),
    (i) => ({ operation: "search", query: list, variables: { search: pick(SEARCH_WORDS, i), first: 20 } }),
    (i) => ({ operation: "profile", query: profile, variables: { code: pick(samples.codes, i), asOf: "2021-06-30", withFund: false } }),
    (i) => ({ operation: "list", query: list, variables: { first: 20 } }),
    (i) => ({ operation: "search", query: list, variables: { search: pick(SEARCH_WORDS, i + 3), first: 20 } }),
    (i) => ({ operation: "profile", query: profile, variables: { code: pick(samples.codes, i + 7), withFund: false } }),
    (i) => ({ operation: "report", query: report, variables: { from: pick(PERIODS, i)[0], to: pick(PERIODS, i)[1] } }),
  ];
  return (i) => screens[i % screens.length](Math.floor(i / screens.length));
}
