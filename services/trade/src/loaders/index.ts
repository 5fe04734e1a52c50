import { groupLoader, inVietnameseOrder, nestedPageLoader, rowLoader } from "@camau/shared";
import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { certificationInForce } from "../domain/ocop";
import { OcopCertification } from "../entities/OcopCertification";
import { Participation, ParticipationProduct, TradeAgreement } from "../entities/Participation";
import { Product } from "../entities/Product";
import { TradePromotionProgram } from "../entities/TradePromotionProgram";

/**
 * DataLoaders of one request. Every cross-entity field and every nested connection goes
 * through one of these, so a page of 20 programs with their participants and products costs
 * the same number of statements as a page of 2.
 */
export function createLoaders(ds: DataSource) {
  const certificationsByProduct = groupLoader<string, OcopCertification>(
    (ids) => ds.getRepository(OcopCertification).find({ where: { productId: In([...ids]) }, order: { certifiedOn: "DESC", stars: "DESC" } }),
    (c) => c.productId,
  );
  return {
    productById: rowLoader<string, Product>((ids) => ds.getRepository(Product).findBy({ id: In([...ids]) }), (p) => p.id),
    programById: rowLoader<string, TradePromotionProgram>((ids) => ds.getRepository(TradePromotionProgram).findBy({ id: In([...ids]) }), (p) => p.id),
    certificationsByProduct,
    /** Key `YYYY-MM-DD|productId`: the certification in force on that date (domain rule applied to the product's certifications). */
    certificationInForce: new DataLoader<string, OcopCertification | null>(async (keys) => {
      const split = keys.map((key) => key.split("|") as [date: string, productId: string]);
      const productIds = [...new Set(split.map(([, id]) => id))];
      const lists = await certificationsByProduct.loadMany(productIds);
      const byProduct = new Map<string, OcopCertification[]>();
      productIds.forEach((id, i) => {
        const list = lists[i];
        if (list instanceof Error) throw list;
        byProduct.set(id, list);
      });
      return split.map(([date, id]) => certificationInForce(byProduct.get(id) ?? [], date));
    }),
    shownProductIdsByParticipation: groupLoader<string, ParticipationProduct>(
      (ids) => ds.getRepository(ParticipationProduct).find({ where: { participationId: In([...ids]) }, order: { position: "ASC" } }),
      (pp) => pp.participationId,
    ),
    agreementsByParticipation: groupLoader<string, TradeAgreement>(
      (ids) => ds.getRepository(TradeAgreement).find({ where: { participationId: In([...ids]) }, order: { position: "ASC" } }),
      (a) => a.participationId,
    ),
    /** Key `YYYY-MM-DD|cooperativeId`: products with a certification in force on that date. */
    ocopProductCount: new DataLoader<string, number>(async (keys) => {
      const byDate = new Map<string, string[]>();
      for (const key of keys) {
        const [date, id] = key.split("|");
        byDate.set(date, [...(byDate.get(date) ?? []), id]);
      }
      const counts = new Map<string, number>();
      await Promise.all(
        [...byDate.entries()].map(async ([date, ids]) => {
          const rows: { cooperative_id: string; n: string }[] = await ds.query(
            `SELECT p.cooperative_id, count(*) AS n FROM product p
              WHERE p.cooperative_id = ANY($1::uuid[])
                AND EXISTS (SELECT 1 FROM ocop_certification c WHERE c.product_id = p.id AND c.certified_on <= $2::date AND c.expires_on >= $2::date)
              GROUP BY p.cooperative_id`,
            [ids, date],
          );
          for (const row of rows) counts.set(`${date}|${row.cooperative_id}`, Number(row.n));
        }),
      );
      return keys.map((key) => counts.get(key) ?? 0);
    }),
    participationsOfProgram: nestedPageLoader<Participation>(ds, {
      entity: Participation,
      parentColumn: "program_id",
      sortKeys: [{ expression: "w.created_at", direction: "ASC", valueOf: (p) => p.createdAt.toISOString() }],
    }),
    participationsOfCooperative: nestedPageLoader<Participation>(ds, {
      entity: Participation,
      parentColumn: "cooperative_id",
      sortKeys: [{ expression: "w.created_at", direction: "DESC", valueOf: (p) => p.createdAt.toISOString() }],
    }),
    productsOfCooperative: nestedPageLoader<Product>(ds, {
      entity: Product,
      parentColumn: "cooperative_id",
      sortKeys: [{ expression: inVietnameseOrder("w.name"), direction: "ASC", valueOf: (p) => p.name }],
    }),
  };
}

export type TradeLoaders = ReturnType<typeof createLoaders>;
