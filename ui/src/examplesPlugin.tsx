import { useEditorContext, useExecutionContext, type GraphiQLPlugin } from "@graphiql/react";
import { examples } from "virtual:examples";

type Example = (typeof examples)[number];

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h11M4 10h16M4 15h11M4 20h16" strokeLinecap="round" />
    </svg>
  );
}

function ExamplesContent() {
  const editor = useEditorContext({ nonNull: true });
  const execution = useExecutionContext();

  function open(example: Example, run: boolean) {
    // Into the active tab: GraphiQL's history keeps what was there before.
    editor.queryEditor?.setValue(example.query);
    editor.variableEditor?.setValue(example.variables);
    if (run) setTimeout(() => execution?.run(), 0);
  }

  return (
    <div className="camau-examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="camau-examples-intro">
        Ready-made operations of the real screens. <b>Open</b> puts one in the editor; <b>Run</b> also executes it.
        Protected fields need a token: <code>npm run token -- --role OFFICER</code>, then in Headers{" "}
        <code>{'{"Authorization": "Bearer <token>"}'}</code>.
      </p>
      <ul>
        {examples.map((example) => (
          <li key={example.id} data-example={example.id}>
            <div className="camau-examples-title">{example.title}</div>
            <div className="camau-examples-description">{example.description}</div>
            {example.role && (
              <div className="camau-examples-role">
                Needs a token: <code>npm run token -- --role {example.role}</code>
              </div>
            )}
            <div className="camau-examples-actions">
              <button type="button" className="graphiql-button" onClick={() => open(example, false)}>
                Open
              </button>
              <button type="button" className="graphiql-button" onClick={() => open(example, true)}>
                Run
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A GraphiQL pane listing docs/examples/*.graphql (embedded at build time). */
export const examplesPlugin: GraphiQLPlugin = { title: "Examples", icon: ExamplesIcon, content: ExamplesContent };
