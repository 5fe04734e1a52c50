import { CacheHint, Connection } from "@camau/shared";
import { Participation } from "../entities/Participation";
import { Product } from "../entities/Product";
import { TradePromotionProgram } from "../entities/TradePromotionProgram";

/** The trade subgraph's connection types, declared once. */
export const ProductConnection = Connection(Product, "Product", "product", CacheHint.public);
export const TradePromotionProgramConnection = Connection(TradePromotionProgram, "TradePromotionProgram", "trade promotion program", CacheHint.public);
export const ParticipationConnection = Connection(Participation, "Participation", "participation", CacheHint.public);
