import { MiddlewareFn } from "type-graphql";

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * A field computed once per request for the same parent and arguments: a client that asks for
 * the same report period under 30 aliases (the gateway then sends 30 identical representations)
 * costs one computation, not 30. For fields whose value depends only on the parent, the arguments
 * and the viewer (constant within a request), such as the period report's figures. Put it on a
 * resolver class with @UseMiddleware(OncePerRequest).
 */
export const OncePerRequest: MiddlewareFn<object> = ({ root, args, info, context }, next) => {
  let memo = memos.get(context);
  if (!memo) memos.set(context, (memo = new Map()));
  const key = `${info.parentType.name}.${info.fieldName}|${JSON.stringify(root)}|${JSON.stringify(args)}`;
  let found = memo.get(key);
  if (!found) {
    found = Promise.resolve(next());
    memo.set(key, found);
  }
  return found;
};
