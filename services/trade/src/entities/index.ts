import { AuditEntry } from "@camau/shared";
import { OcopCertification } from "./OcopCertification";
import { Participation, ParticipationProduct, TradeAgreement } from "./Participation";
import { Product } from "./Product";
import { TradePromotionProgram } from "./TradePromotionProgram";

/** Every table of the trade promotion database (the audit log's table is the shared one). */
export const tradeEntities = [Product, OcopCertification, TradePromotionProgram, Participation, ParticipationProduct, TradeAgreement, AuditEntry];
