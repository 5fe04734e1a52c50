import { CacheHint, Connection } from "@camau/shared";
import { Cooperative } from "../entities/Cooperative";
import { CooperativeEvent } from "../entities/CooperativeEvent";
import { CooperativeGroup } from "../entities/CooperativeGroup";
import { CooperativeUnion } from "../entities/CooperativeUnion";
import { Member } from "../entities/Member";

/** The registry's connection types, declared once. */
export const CooperativeConnection = Connection(Cooperative, "Cooperative", "cooperative", CacheHint.public);
export const MemberConnection = Connection(Member, "Member", "member");
export const CooperativeEventConnection = Connection(CooperativeEvent, "CooperativeEvent", "history event", CacheHint.public);
export const CooperativeGroupConnection = Connection(CooperativeGroup, "CooperativeGroup", "cooperative group", CacheHint.public);
export const CooperativeUnionConnection = Connection(CooperativeUnion, "CooperativeUnion", "union of cooperatives", CacheHint.public);
