import { assertNotFuture, badInput, changedFields, checkVersion, ConflictError, inTransaction, lockForChange, recordAudit, requireCooperatives, throwIfInvalid } from "@camau/shared";
import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { TradeContext } from "../context";
import { certificationProblems, defaultExpiry, levelForStars } from "../domain/ocop";
import { OcopCertification } from "../entities/OcopCertification";
import { Product } from "../entities/Product";
import { RecordOcopCertificationInput, RegisterProductInput, UpdateProductInput } from "../inputs/ProductInputs";
import { assertCanActFor, TRADE_WRITERS, TRADE_WRITERS_OR_MANAGER } from "../access";
import { cleanText } from "./guards";
import { OcopCertificationPayload, ProductPayload } from "./payloads";
import { EntityManager } from "typeorm";

async function assertNameFree(manager: EntityManager, cooperativeId: string, name: string, exceptId?: string): Promise<void> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM product WHERE cooperative_id = $1 AND search_key(name) = search_key($2) AND ($3::uuid IS NULL OR id <> $3::uuid) LIMIT 1`,
    [cooperativeId, name, exceptId ?? null],
  );
  if (rows.length) throw new ConflictError(`Cooperative ${cooperativeId} already has a product named "${name}"`);
}

@Resolver()
export class ProductMutationResolver {
  @Authorized(...TRADE_WRITERS_OR_MANAGER)
  @Mutation(() => ProductPayload, { description: "Registers a product of a cooperative (OFFICER, ADMIN, or the cooperative's own COOPERATIVE_MANAGER). The cooperative must exist in the registry (else NOT_FOUND)." })
  async registerProduct(@Arg("input", () => RegisterProductInput, { description: "The product." }) input: RegisterProductInput, @Ctx() ctx: TradeContext): Promise<ProductPayload> {
    const cooperativeId = input.cooperativeId.toLowerCase();
    assertCanActFor(ctx.viewer, cooperativeId);
    const name = cleanText(input.name);
    await requireCooperatives(ctx.directory, [cooperativeId]);
    return inTransaction(ctx.dataSource, async (manager) => {
      await assertNameFree(manager, cooperativeId, name);
      const repository = manager.getRepository(Product);
      const product = await repository.save(
        repository.create({
          cooperativeId,
          name,
          productGroup: input.productGroup,
          description: input.description?.trim() || null,
          brandName: input.brand ? cleanText(input.brand.name) : null,
          markKind: input.brand?.kind ?? null,
          markRegistrationNumber: input.brand?.registrationNumber?.trim() || null,
        }),
      );
      await recordAudit(manager, ctx.viewer, { operation: "registerProduct", entityType: "Product", entityId: product.id, after: product });
      return { product };
    });
  }

  @Authorized(...TRADE_WRITERS_OR_MANAGER)
  @Mutation(() => ProductPayload, { description: "Changes a product (OFFICER, ADMIN, or the cooperative's own COOPERATIVE_MANAGER); CONFLICT when the version is stale." })
  updateProduct(@Arg("input", () => UpdateProductInput, { description: "The changes." }) input: UpdateProductInput, @Ctx() ctx: TradeContext): Promise<ProductPayload> {
    if (input.brand && input.removeBrand) throw badInput("input.removeBrand", "cannot be combined with a new brand");
    return inTransaction(ctx.dataSource, async (manager) => {
      const product = await lockForChange(manager, Product, input.id, "Product");
      assertCanActFor(ctx.viewer, product.cooperativeId);
      checkVersion("Product", product.id, product.version, input.version);
      const before = { ...product };
      if (input.name != null) {
        const name = cleanText(input.name);
        if (name !== product.name) await assertNameFree(manager, product.cooperativeId, name, product.id);
        product.name = name;
      }
      if (input.productGroup != null) product.productGroup = input.productGroup;
      if (input.description != null) product.description = input.description.trim() || null;
      if (input.brand) {
        product.brandName = cleanText(input.brand.name);
        product.markKind = input.brand.kind;
        product.markRegistrationNumber = input.brand.registrationNumber?.trim() || null;
      }
      if (input.removeBrand) {
        product.brandName = null;
        product.markKind = null;
        product.markRegistrationNumber = null;
      }
      const saved = await manager.getRepository(Product).save(product);
      const change = changedFields(before, saved);
      await recordAudit(manager, ctx.viewer, { operation: "updateProduct", entityType: "Product", entityId: saved.id, before: change.before, after: change.after });
      return { product: saved };
    });
  }

  @Authorized(...TRADE_WRITERS)
  @Mutation(() => OcopCertificationPayload, {
    description:
      "Records an OCOP certification decided by an evaluation council (OFFICER, ADMIN). Refused: stars outside 3–5, a score outside the stars' band, a 5-star PROVINCIAL (or 3–4-star NATIONAL) certification, an expiry beyond 36 months.",
  })
  recordOcopCertification(
    @Arg("input", () => RecordOcopCertificationInput, { description: "The certification." }) input: RecordOcopCertificationInput,
    @Ctx() ctx: TradeContext,
  ): Promise<OcopCertificationPayload> {
    throwIfInvalid(certificationProblems(input), "input");
    assertNotFuture(input.certifiedOn, "input.certifiedOn");
    const decisionNumber = cleanText(input.decisionNumber);
    return inTransaction(ctx.dataSource, async (manager) => {
      const product = await lockForChange(manager, Product, input.productId, "Product");
      const repository = manager.getRepository(OcopCertification);
      if (await repository.existsBy({ productId: product.id, decisionNumber })) {
        throw new ConflictError(`Decision ${decisionNumber} is already recorded for product ${product.id}`);
      }
      const certification = await repository.save(
        repository.create({
          productId: product.id,
          stars: input.stars,
          score: input.score,
          level: levelForStars(input.stars),
          decisionNumber,
          certifiedOn: input.certifiedOn,
          expiresOn: input.expiresOn ?? defaultExpiry(input.certifiedOn),
          recordedBy: ctx.viewer.subject,
        }),
      );
      await recordAudit(manager, ctx.viewer, { operation: "recordOcopCertification", entityType: "OcopCertification", entityId: certification.id, after: certification });
      return { certification, product };
    });
  }
}
