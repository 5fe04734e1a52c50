import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { CooperativePageDocument, SemiAnnualReportDocument, type CooperativeFilter, type CooperativePageQuery } from "./generated/graphql";

/**
 * A small typed client of the gateway: every operation's variables and result are typed from the
 * schema (schema/api.graphql) by GraphQL Code Generator, so a field renamed or removed in the API
 * fails `tsc` here (CI: `npm run examples:check`).
 *
 *   npm start                      # the API on http://localhost:4000/graphql
 *   npx tsc -p examples && node examples/dist/client.js ["search words"]
 *
 * GRAPHQL_URL and API_TOKEN (a bearer token from `npm run token`) are optional.
 */

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: readonly { message: string; extensions?: { code?: string } }[],
  ) {
    super(message);
  }
}

export interface ClientOptions {
  url?: string;
  token?: string;
}

/** Runs one typed operation; throws GraphQLRequestError with the API's error codes. */
export async function request<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: ClientOptions = {},
): Promise<TResult> {
  const response = await fetch(options.url ?? process.env.GRAPHQL_URL ?? "http://localhost:4000/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLRequestError["errors"] };
  if (body.errors?.length) {
    const codes = body.errors.map((e) => e.extensions?.code ?? "UNKNOWN").join(", ");
    throw new GraphQLRequestError(`${body.errors[0].message} (${codes})`, body.errors);
  }
  if (!body.data) throw new GraphQLRequestError(`HTTP ${response.status} without data`, []);
  return body.data;
}

/** Every cooperative matching a filter, page after page (at most `limit`). */
export async function listCooperatives(filter: CooperativeFilter, limit = 60, options?: ClientOptions) {
  type Cooperative = CooperativePageQuery["cooperatives"]["edges"][number]["node"];
  const found: Cooperative[] = [];
  let after: string | null | undefined = null;
  do {
    const page: CooperativePageQuery = await request(CooperativePageDocument, { filter, first: Math.min(20, limit - found.length), after }, options);
    found.push(...page.cooperatives.edges.map((edge) => edge.node));
    after = page.cooperatives.pageInfo.hasNextPage ? page.cooperatives.pageInfo.endCursor : null;
  } while (after && found.length < limit);
  return found;
}

async function main(): Promise<void> {
  const options = { token: process.env.API_TOKEN };
  const search = process.argv[2] ?? "nong nghiep";
  const cooperatives = await listCooperatives({ search }, 40, options);
  console.log(`${cooperatives.length} cooperatives matching "${search}" (first 40):`);
  for (const c of cooperatives) {
    // Typed: c.latestClassification?.rating is "GOOD" | "FAIR" | "AVERAGE" | "WEAK".
    console.log(`  ${c.code}  ${c.name}  ${c.district?.name ?? "-"}  ${c.latestClassification?.rating ?? "unrated"}`);
  }

  const { collectiveEconomyReport: report } = await request(SemiAnnualReportDocument, { from: "2021-01-01", to: "2021-06-30" }, options);
  console.log(`\nReport ${report.from} to ${report.to}:`);
  console.log(`  cooperatives ${report.cooperativeCount}, groups ${report.cooperativeGroupCount}, members ${report.memberCount}`);
  console.log(`  unions ${report.unionCount} (${report.unionMemberCooperativeCount} member cooperatives), new ${report.newCooperativeCount}`);
  console.log(`  good or fair ${report.byRating.goodOrFairCount}, OCOP products ${report.ocopProductCount}`);
  // Money is a number of whole đồng.
  console.log(`  fund disbursed ${report.fundDisbursedAmount.toLocaleString("vi-VN")} đồng`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof GraphQLRequestError ? `API error: ${error.message}` : error);
    process.exit(1);
  });
}
