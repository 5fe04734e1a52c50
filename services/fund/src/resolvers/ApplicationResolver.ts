import { BadUserInputError, CooperativeKey, PageArgs, paginate, registryCooperative, requireUuid, SortKey, sortKeysOf, toConnection } from "@camau/shared";
import { Authorized, Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { FundContext } from "../context";
import { Loan } from "../entities/Loan";
import { LoanApplication } from "../entities/LoanApplication";
import { LoanProduct } from "../entities/LoanProduct";
import { whereBorrower } from "../inputs/BorrowerFilter";
import { LoanApplicationFilter, LoanApplicationOrder, LoanApplicationOrderField } from "../inputs/LoanApplicationFilter";
import { listScope, LOAN_READERS_OR_MANAGER, visibleOrNull } from "../access";
import { LoanApplicationConnection } from "./connections";
import { Cooperative } from "../graphql/Cooperative";

const ORDER_COLUMNS: Record<LoanApplicationOrderField, Omit<SortKey<LoanApplication>, "direction">> = {
  [LoanApplicationOrderField.SUBMITTED_ON]: { expression: "a.submitted_on", valueOf: (a) => a.submittedOn },
  [LoanApplicationOrderField.REQUESTED_AMOUNT]: { expression: "a.requested_amount", valueOf: (a) => a.requestedAmount },
};

@Resolver(() => LoanApplication)
export class ApplicationResolver {
  @Authorized(...LOAN_READERS_OR_MANAGER)
  @Query(() => LoanApplication, { nullable: true, description: "A loan application by id; null when there is none or (for a manager) when it is another cooperative's. Fund staff, officers and the applicant's manager." })
  async loanApplication(@Arg("id", () => ID, { description: "Application id (UUID)." }) id: string, @Ctx() ctx: FundContext): Promise<LoanApplication | null> {
    listScope(ctx.viewer);
    return visibleOrNull(ctx.viewer, await ctx.loaders.applicationById.load(requireUuid(id, "id")));
  }

  @Authorized(...LOAN_READERS_OR_MANAGER)
  @Query(() => LoanApplicationConnection, { description: "Loan applications, filtered and sorted (default: latest submitted first). Fund staff and officers see all; a cooperative's manager sees its own." })
  async loanApplications(
    @Arg("filter", () => LoanApplicationFilter, { nullable: true, description: "Conditions the applications must meet." }) filter: LoanApplicationFilter | null,
    @Arg("orderBy", () => [LoanApplicationOrder], { nullable: true, description: "Sort keys, first one first (default: submittedOn descending)." }) orderBy: LoanApplicationOrder[] | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: FundContext,
  ) {
    const scope = listScope(ctx.viewer);
    const f = filter ?? {};
    if (f.submittedFrom && f.submittedTo && f.submittedFrom > f.submittedTo) throw new BadUserInputError("submittedFrom is after submittedTo", [{ path: "filter.submittedFrom", message: "is after submittedTo" }]);
    const qb = ctx.dataSource.getRepository(LoanApplication).createQueryBuilder("a");
    if (scope) qb.andWhere("a.cooperative_id = :scope", { scope });
    if (f.statuses?.length) qb.andWhere("a.status IN (:...statuses)", { statuses: f.statuses });
    whereBorrower(qb, "a", f);
    if (f.submittedFrom) qb.andWhere("a.submitted_on >= :submittedFrom", { submittedFrom: f.submittedFrom });
    if (f.submittedTo) qb.andWhere("a.submitted_on <= :submittedTo", { submittedTo: f.submittedTo });
    const keys = sortKeysOf(orderBy, ORDER_COLUMNS, [{ field: LoanApplicationOrderField.SUBMITTED_ON, direction: "DESC" }], 2);
    return toConnection(await paginate(qb, page, keys, "a.id"));
  }

  @FieldResolver(() => Cooperative, { nullable: true, description: "The applying cooperative (from the registry, through the gateway). Nullable, as every reference to another subgraph: a cooperative the registry does not know is null here, with a NOT_FOUND error, and the rest of the answer stays." })
  cooperative(@Root() a: LoanApplication): CooperativeKey {
    return registryCooperative(a.cooperativeId);
  }

  @FieldResolver(() => LoanProduct, { description: "The loan product applied for." })
  async product(@Root() a: LoanApplication, @Ctx() ctx: FundContext): Promise<LoanProduct> {
    return (await ctx.loaders.productById.load(a.productId))!;
  }

  @FieldResolver(() => Loan, { nullable: true, description: "The loan, once its contract is signed." })
  loan(@Root() a: LoanApplication, @Ctx() ctx: FundContext): Promise<Loan | null> {
    return ctx.loaders.loanByApplication.load(a.id);
  }
}
