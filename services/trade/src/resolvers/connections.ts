import { Connection } from "@camau/shared";
import { Participation } from "../entities/Participation";
import { Product } from "../entities/Product";
import { TradePromotionProgram } from "../entities/TradePromotionProgram";

/** The trade subgraph's connection types, declared once. */
export const ProductConnection = Connection(Product, "Product", "product");
export const TradePromotionProgramConnection = Connection(TradePromotionProgram, "TradePromotionProgram", "trade promotion program");
export const ParticipationConnection = Connection(Participation, "Participation", "participation");
