import { assertNotFuture, badInput, changedFields, checkVersion, ConflictError, inTransaction, lockForChange, MutationService, recordAudit, requireCooperatives, throwIfInvalid } from "@camau/shared";
import { TradeContext } from "../context";
import { certificationProblems, defaultExpiry, levelForStars } from "../domain/ocop";
import { OcopCertification } from "../entities/OcopCertification";
import { Product } from "../entities/Product";
import { RecordOcopCertificationInput, RegisterProductInput, UpdateProductInput } from "../inputs/ProductInputs";
import { assertCanActFor } from "../access";
import { cleanText } from "@camau/shared";
import { EntityManager } from "typeorm";

async function assertNameFree(manager: EntityManager, cooperativeId: string, name: string, exceptId?: string): Promise<void> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM product WHERE cooperative_id = $1 AND search_key(name) = search_key($2) AND ($3::uuid IS NULL OR id <> $3::uuid) LIMIT 1`,
    [cooperativeId, name, exceptId ?? null],
  );
  if (rows.length) throw new ConflictError(`Cooperative ${cooperativeId} already has a product named "${name}"`);
}

/**
 * A cooperative's products and their OCOP certifications.
 * Each change runs in one transaction that locks what it changes, checks the rules and the
 * caller's right over the cooperative, and records the audit entry; resolvers translate GraphQL
 * arguments into one call of it.
 */
export class ProductService extends MutationService<Pick<TradeContext, "viewer" | "dataSource" | "directory">> {
  async registerProduct(input: RegisterProductInput) {
    const cooperativeId = input.cooperativeId.toLowerCase();
    assertCanActFor(this.viewer, cooperativeId);
    const name = cleanText(input.name);
    await requireCooperatives(this.request.directory, [cooperativeId]);
    return inTransaction(this.dataSource, async (manager) => {
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
      await recordAudit(manager, this.viewer, { operation: "registerProduct", entityType: "Product", entityId: product.id, after: product });
      return { product };
    });
  }

  async updateProduct(input: UpdateProductInput) {
    if (input.brand && input.removeBrand) throw badInput("input.removeBrand", "cannot be combined with a new brand");
    return inTransaction(this.dataSource, async (manager) => {
      const product = await lockForChange(manager, Product, input.id, "Product");
      assertCanActFor(this.viewer, product.cooperativeId);
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
      await recordAudit(manager, this.viewer, { operation: "updateProduct", entityType: "Product", entityId: saved.id, before: change.before, after: change.after });
      return { product: saved };
    });
  }

  async recordOcopCertification(input: RecordOcopCertificationInput) {
    throwIfInvalid(certificationProblems(input), "input");
    assertNotFuture(input.certifiedOn, "input.certifiedOn");
    const decisionNumber = cleanText(input.decisionNumber);
    return inTransaction(this.dataSource, async (manager) => {
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
          recordedBy: this.viewer.subject,
        }),
      );
      await recordAudit(manager, this.viewer, { operation: "recordOcopCertification", entityType: "OcopCertification", entityId: certification.id, after: certification });
      return { certification, product };
    });
  }
}
