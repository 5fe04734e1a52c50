import { GraphQLResolveInfo, SelectionSetNode } from "graphql";

/**
 * Whether the client's selection of the field being resolved asks for `name` among its direct
 * fields, through fragments too: a resolver can then fetch it with the rest (a list's count with
 * its page). A field under @skip or @include counts as asked for: fetching it is never wrong.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === "Field") return selection.name.value === name;
      if (selection.kind === "InlineFragment") return within(selection.selectionSet);
      const fragment = info.fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) return false;
      seen.add(fragment.name.value);
      return within(fragment.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
