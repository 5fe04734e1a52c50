import { DateScalar } from "@camau/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Member } from "../entities/Member";
import { RegistryContext } from "../context";
import { canReadPersonalData } from "../access";

/**
 * Personal data of a member. Readable by OFFICER, ADMIN and the manager of the member's own
 * cooperative; everyone else gets null (the rest of the member stays readable to them).
 */
@Resolver(() => Member)
export class MemberResolver {
  @FieldResolver(() => String, { nullable: true, description: "National ID number (số CCCD). Personal data: null unless the caller may read it." })
  nationalId(@Root() m: Member, @Ctx() ctx: RegistryContext): string | null {
    return canReadPersonalData(ctx.viewer, m) ? m.nationalId : null;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: "Date of birth (ngày sinh). Personal data: null unless the caller may read it." })
  dateOfBirth(@Root() m: Member, @Ctx() ctx: RegistryContext): string | null {
    return canReadPersonalData(ctx.viewer, m) ? m.dateOfBirth : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Phone number (số điện thoại). Personal data: null unless the caller may read it." })
  phone(@Root() m: Member, @Ctx() ctx: RegistryContext): string | null {
    return canReadPersonalData(ctx.viewer, m) ? m.phone : null;
  }
}
