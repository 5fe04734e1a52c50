import { envPrefixOf, SUBGRAPHS } from "@camau/shared";
import { onPath, requireSystemTool } from "@camau/shared/testing";
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import { REPO_ROOT } from "../scripts/lib/paths";

/**
 * The Kubernetes manifests under deploy/, rendered and checked without a cluster.
 *
 * Rendering: `kubectl kustomize` (kubectl from PATH, or the KUBECTL variable). The kustomizations
 * are written for every kustomize from v2.0.3 on, so Debian's `kubernetes-client` package (kubectl
 * 1.20) renders them as well as a current kubectl; .ci/run installs it where no kubectl is found.
 *
 * Validation: every object of the core API against its Kubernetes schema (kubernetes-models'
 * validate()). The CloudNativePG and Barman Cloud objects have no models package on npm, so their
 * required fields and the values this project relies on are checked by hand below.
 *
 * Rules: each service's Deployment has its probes, resources, replicas or an autoscaler, a
 * disruption budget, topology spread, a locked-down security context and a grace period that
 * matches its shutdown settings; secrets come from Secrets only; the network policies allow
 * exactly the connections the architecture needs (a small evaluator of NetworkPolicy semantics
 * walks every pair of pods); each subgraph's database URLs lead to its own PostgreSQL cluster.
 */

type Obj = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: any };
type Labels = Record<string, string>;

const OVERLAYS = ["province", "national"] as const;
const SERVICES = [{ name: "gateway", dir: "gateway" }, ...SUBGRAPHS.map((s) => ({ name: s.name, dir: s.dir }))];
const CNPG = "postgresql.cnpg.io/v1";
const BARMAN = "barmancloud.cnpg.io/v1";

const requireKubectl = (context: Mocha.Context) =>
  requireSystemTool(context, onPath(process.env.KUBECTL ?? "kubectl"), "kubectl (renders the manifests with kustomize)", "apt-get install kubernetes-client, or set KUBECTL");

function render(overlay: string): Obj[] {
  const kubectl = process.env.KUBECTL ?? "kubectl";
  let output: string;
  try {
    output = execFileSync(kubectl, ["kustomize", path.join(REPO_ROOT, "deploy", "overlays", overlay)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${kubectl} not found: install kubectl (Debian: apt-get install kubernetes-client) or set KUBECTL`);
    }
    throw error;
  }
  return parseAllDocuments(output)
    .map((doc) => doc.toJS() as Obj)
    .filter(Boolean);
}

/** The kubernetes-models class of a core object, e.g. apps/v1 Deployment. */
function modelOf(object: Obj): (new (data: unknown) => { validate(): void }) | undefined {
  const modules: Record<string, string> = {
    v1: "kubernetes-models/v1",
    "apps/v1": "kubernetes-models/apps/v1",
    "batch/v1": "kubernetes-models/batch/v1",
    "policy/v1": "kubernetes-models/policy/v1",
    "autoscaling/v2": "kubernetes-models/autoscaling/v2",
    "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  };
  const module = modules[object.apiVersion];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return module ? (require(module) as Record<string, new (data: unknown) => { validate(): void }>)[object.kind] : undefined;
}

function matches(selector: Labels | undefined, labels: Labels): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value);
}

function selectorLabels(selector: { matchLabels?: Labels; matchExpressions?: unknown[] } | undefined): Labels {
  // The evaluator below understands matchLabels only; an expression would be silently misjudged.
  expect(selector?.matchExpressions, "matchExpressions are not used in these manifests").to.equal(undefined);
  return selector?.matchLabels ?? {};
}

/** Every string in an object, with its path. */
function* strings(value: unknown, at = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [at, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${at}[${i}]`);
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) yield* strings(item, `${at}.${key}`);
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

function envOf(container: { env?: EnvVar[] }): Record<string, string | undefined> {
  return Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
}

/** A pod as the network policies see it: its labels and its namespace's labels. */
interface Pod {
  name: string;
  labels: Labels;
  namespace: Labels;
}

/** NetworkPolicy semantics: whether `from` may open a TCP/UDP connection to `to` on a port. */
function allowed(policies: Obj[], namespace: string, from: Pod, to: Pod, port: number, protocol = "TCP"): boolean {
  const inNamespace = (pod: Pod) => pod.namespace["kubernetes.io/metadata.name"] === namespace;
  const peerMatches = (peer: any, pod: Pod) => {
    if (peer.ipBlock) return false;
    if (peer.namespaceSelector) return matches(selectorLabels(peer.namespaceSelector), pod.namespace) && matches(selectorLabels(peer.podSelector), pod.labels);
    return inNamespace(pod) && matches(selectorLabels(peer.podSelector), pod.labels);
  };
  const portMatches = (ports: { port?: number | string; protocol?: string }[] | undefined) =>
    !ports || ports.some((p) => (p.protocol ?? "TCP") === protocol && (p.port === undefined || p.port === port));
  /** Whether the policies selecting `pod` let the connection with `other` through on its side. */
  const side = (pod: Pod, type: "Ingress" | "Egress", other: Pod) => {
    if (!inNamespace(pod)) return true; // outside this namespace: not governed by these policies
    const selecting = policies.filter((p) => matches(selectorLabels(p.spec.podSelector), pod.labels) && (p.spec.policyTypes ?? ["Ingress"]).includes(type));
    if (!selecting.length) return true;
    return selecting.some((p) =>
      ((type === "Ingress" ? p.spec.ingress : p.spec.egress) ?? []).some((rule: any) => {
        const peers = type === "Ingress" ? rule.from : rule.to;
        return portMatches(rule.ports) && (!peers || peers.some((peer: any) => peerMatches(peer, other)));
      }),
    );
  };
  return side(from, "Egress", to) && side(to, "Ingress", from);
}

for (const overlay of OVERLAYS) {
  describe(`deploy/overlays/${overlay}: rendered manifests`, function () {
    this.timeout(60_000);
    let objects: Obj[];
    let namespace: string;
    const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
    const all = (kind: string, apiVersion?: string) => objects.filter((o) => o.kind === kind && (!apiVersion || o.apiVersion === apiVersion));

    before(function () {
      requireKubectl(this);
      objects = render(overlay);
      namespace = objects[0].metadata.namespace!;
    });

    it("renders, every object in the overlay's namespace", () => {
      expect(objects.length).to.be.greaterThan(20);
      expect(namespace).to.match(/^[a-z0-9-]+$/);
      for (const o of objects) expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).to.equal(namespace);
    });

    it("validates every core object against its Kubernetes schema, and the CloudNativePG objects' required fields", () => {
      for (const o of objects) {
        const Model = modelOf(o);
        if (Model) {
          expect(() => new Model(o).validate(), `${o.kind}/${o.metadata.name}`).not.to.throw();
          continue;
        }
        const spec = o.spec ?? {};
        const where = `${o.apiVersion} ${o.kind}/${o.metadata.name}`;
        if (o.apiVersion === CNPG && o.kind === "Cluster") {
          expect(spec.instances, where).to.be.a("number");
        } else if (o.apiVersion === CNPG && o.kind === "Pooler") {
          expect(spec.cluster?.name, where).to.be.a("string");
          expect(spec.pgbouncer, where).to.be.an("object");
          expect(spec.type, where).to.be.oneOf(["rw", "ro", "r"]);
          expect(spec.pgbouncer.poolMode, where).to.be.oneOf(["session", "transaction"]);
          // pgbouncer parameters are strings
          for (const value of Object.values(spec.pgbouncer.parameters ?? {})) expect(value, where).to.be.a("string");
        } else if (o.apiVersion === CNPG && o.kind === "ScheduledBackup") {
          expect(spec.cluster?.name, where).to.be.a("string");
          // CloudNativePG's schedules have six fields, seconds first.
          expect(spec.schedule.trim().split(/\s+/), where).to.have.length(6);
          expect(spec.method, where).to.be.oneOf(["barmanObjectStore", "volumeSnapshot", "plugin"]);
        } else if (o.apiVersion === CNPG && o.kind === "Database") {
          for (const field of ["name", "owner"]) expect(spec[field], `${where} ${field}`).to.be.a("string");
          expect(spec.cluster?.name, where).to.be.a("string");
        } else if (o.apiVersion === BARMAN && o.kind === "ObjectStore") {
          expect(spec.configuration?.destinationPath, where).to.match(/^(s3|gs|https?):\/\//);
        } else {
          expect.fail(`${where}: no schema to validate it against (add it to this test)`);
        }
      }
    });

    it("runs each service as a Deployment with both probes, resources, spread, a budget and an autoscaler", () => {
      const hpas = all("HorizontalPodAutoscaler");
      const pdbs = all("PodDisruptionBudget");
      for (const service of SERVICES) {
        const deployment = find("Deployment", service.name);
        expect(deployment, `Deployment ${service.name}`).to.not.equal(undefined);
        const pod = deployment!.spec.template;
        const podLabels: Labels = pod.metadata.labels;
        expect(matches(deployment!.spec.selector.matchLabels, podLabels)).to.equal(true);
        const [container] = pod.spec.containers;
        expect(pod.spec.containers, `${service.name}: one container`).to.have.length(1);

        // The image's entry point of this service (built by `npm run build`).
        const entry = `${service.dir}/dist/src/main.js`;
        expect(container.command, service.name).to.deep.equal(["node", entry]);
        expect(existsSync(path.join(REPO_ROOT, entry)), entry).to.equal(true);

        const portNames = new Set((container.ports ?? []).map((p: { name: string }) => p.name));
        expect(container.readinessProbe?.httpGet?.path, `${service.name} readiness`).to.equal("/ready");
        expect(container.livenessProbe?.httpGet?.path, `${service.name} liveness`).to.equal("/health");
        for (const probe of [container.readinessProbe, container.livenessProbe]) expect(portNames.has(probe.httpGet.port), `${service.name} probe port`).to.equal(true);

        for (const kind of ["requests", "limits"]) for (const resource of ["cpu", "memory"]) expect(container.resources?.[kind]?.[resource], `${service.name} ${kind}.${resource}`).to.not.equal(undefined);

        const hpa = hpas.find((h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === service.name);
        expect(hpa, `HPA of ${service.name}`).to.not.equal(undefined);
        expect(hpa!.apiVersion).to.equal("autoscaling/v2");
        expect(hpa!.spec.minReplicas, `${service.name} minReplicas`).to.be.at.least(2);
        expect(hpa!.spec.maxReplicas).to.be.greaterThan(hpa!.spec.minReplicas);
        expect(deployment!.spec.replicas ?? 1, `${service.name} replicas`).to.be.at.least(2);

        expect(
          pdbs.some((p) => matches(selectorLabels(p.spec.selector), podLabels)),
          `a PodDisruptionBudget selecting ${service.name}`,
        ).to.equal(true);
        const spread = pod.spec.topologySpreadConstraints ?? [];
        expect(spread.length, `${service.name} topology spread`).to.be.greaterThan(0);
        for (const constraint of spread) expect(matches(selectorLabels(constraint.labelSelector), podLabels)).to.equal(true);

        const svc = find("Service", service.name);
        expect(svc, `Service ${service.name}`).to.not.equal(undefined);
        expect(matches(svc!.spec.selector, podLabels)).to.equal(true);
        expect(svc!.spec.ports.map((p: { targetPort: string }) => p.targetPort)).to.satisfy((ports: string[]) => ports.every((p) => portNames.has(p)));
      }
    });

    it("grants no privilege: non-root, read-only root filesystem, no capabilities, no escalation", () => {
      for (const o of objects.filter((x) => ["Deployment", "StatefulSet", "Job"].includes(x.kind))) {
        const pod = o.spec.template.spec;
        const where = `${o.kind}/${o.metadata.name}`;
        expect(pod.securityContext?.runAsNonRoot, where).to.equal(true);
        expect(pod.securityContext?.runAsUser, where).to.be.greaterThan(0);
        expect(pod.automountServiceAccountToken, `${where}: no API token`).to.equal(false);
        for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
          const context = container.securityContext ?? {};
          expect(context.readOnlyRootFilesystem, where).to.equal(true);
          expect(context.allowPrivilegeEscalation, where).to.equal(false);
          expect(context.capabilities?.drop, where).to.deep.equal(["ALL"]);
          expect(context.privileged ?? false, where).to.equal(false);
          expect(context.capabilities?.add ?? [], where).to.deep.equal([]);
        }
      }
    });

    it("gives each pod the grace period its shutdown needs: (readiness delay + drain) / 1000 + 5 s; the subgraphs do not migrate at start", () => {
      for (const service of SERVICES) {
        const pod = find("Deployment", service.name)!.spec.template.spec;
        const env = envOf(pod.containers[0]);
        expect(env.SHUTDOWN_READINESS_DELAY_MS, service.name).to.equal("5000");
        expect(env.SHUTDOWN_DRAIN_TIMEOUT_MS, service.name).to.equal("20000");
        expect(pod.terminationGracePeriodSeconds, service.name).to.equal((Number(env.SHUTDOWN_READINESS_DELAY_MS) + Number(env.SHUTDOWN_DRAIN_TIMEOUT_MS)) / 1000 + 5);
        if (service.name !== "gateway") expect(env.MIGRATE_ON_START, service.name).to.equal("false");
      }
    });

    it("takes every secret from a Secret, and holds no secret value anywhere", () => {
      // No Secret objects: the operators create them (deploy/README.md).
      expect(all("Secret").map((s) => s.metadata.name)).to.deep.equal([]);
      const secretName = /SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIAL/i;
      for (const o of objects.filter((x) => ["Deployment", "StatefulSet", "Job"].includes(x.kind))) {
        for (const container of o.spec.template.spec.containers) {
          const defined = new Map<string, EnvVar>();
          for (const variable of (container.env ?? []) as EnvVar[]) {
            const where = `${o.kind}/${o.metadata.name} ${variable.name}`;
            if (secretName.test(variable.name)) {
              expect(variable.value, `${where}: a secret in plain text`).to.equal(undefined);
              expect(variable.valueFrom?.secretKeyRef?.name, `${where}: from a Secret`).to.be.a("string");
            }
            // Kubernetes expands $(VAR) only from variables defined earlier in the list.
            for (const [, reference] of (variable.value ?? "").matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)) {
              expect(defined.has(reference), `${where} refers to ${reference}, defined earlier`).to.equal(true);
            }
            // A URL's password is a reference to a variable from a Secret, never a literal.
            for (const [, password] of (variable.value ?? "").matchAll(/^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@]*)@/gi)) {
              const reference = /^\$\(([A-Za-z_][A-Za-z0-9_]*)\)$/.exec(password)?.[1];
              expect(reference, `${where}: password of the URL`).to.be.a("string");
              expect(defined.get(reference!)?.valueFrom?.secretKeyRef, `${where}: ${reference} from a Secret`).to.not.equal(undefined);
            }
            defined.set(variable.name, variable);
          }
        }
      }
      // Anything that looks like a secret value, in any string of any object.
      for (const o of objects) {
        for (const [at, value] of strings(o)) {
          const where = `${o.kind}/${o.metadata.name}${at}`;
          expect(value, `${where}: a JWT`).not.to.match(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
          expect(value, `${where}: a long random-looking value`).not.to.match(/^(?![a-z-]+$)[A-Za-z0-9+/=_-]{32,}$/);
          expect(value, `${where}: a password`).not.to.match(/(password|secret|passwd)\s*[=:]\s*(?!\$\()\S/i);
          expect(value, `${where}: a development secret`).not.to.match(/dev(elopment)?[-_ ]?(only[-_ ])?secret/i);
          expect(value, `${where}: a PEM key`).not.to.match(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
        }
      }
    });

    it("lets each subgraph reach its own PostgreSQL: writes through PgBouncer (transaction pooling) to the primary, public reads from the replicas", () => {
      const clusters = all("Cluster", CNPG);
      const poolers = all("Pooler", CNPG);
      for (const cluster of clusters) {
        expect(cluster.spec.instances, `${cluster.metadata.name}: a primary and two replicas`).to.equal(3);
        const archiver = (cluster.spec.plugins ?? []).find((p: any) => p.isWALArchiver);
        expect(archiver?.name, `${cluster.metadata.name}: WAL archiving`).to.equal("barman-cloud.cloudnative-pg.io");
        expect(find("ObjectStore", archiver.parameters.barmanObjectName), `${cluster.metadata.name}: its ObjectStore`).to.not.equal(undefined);
        const backups = all("ScheduledBackup", CNPG).filter((b) => b.spec.cluster.name === cluster.metadata.name);
        expect(backups.length, `${cluster.metadata.name}: a ScheduledBackup`).to.be.greaterThan(0);
        for (const backup of backups) expect(backup.spec.pluginConfiguration?.name).to.equal("barman-cloud.cloudnative-pg.io");
      }
      for (const pooler of poolers) {
        expect(clusters.map((c) => c.metadata.name), pooler.metadata.name).to.include(pooler.spec.cluster.name);
        expect(pooler.spec.type).to.equal("rw");
        expect(pooler.spec.pgbouncer.poolMode).to.equal("transaction");
      }
      const hostOf = (url: string) => new URL(url.replace(/\$\([A-Za-z0-9_]+\)/g, "x")).hostname;
      const databaseOf = (url: string) => new URL(url.replace(/\$\([A-Za-z0-9_]+\)/g, "x")).pathname.slice(1);
      for (const s of SUBGRAPHS) {
        const env = envOf(find("Deployment", s.name)!.spec.template.spec.containers[0]);
        const prefix = envPrefixOf(s.name);
        const primary = env[`${prefix}DATABASE_URL`]!;
        const replica = env[`${prefix}DATABASE_READ_URL`]!;
        const pooler = poolers.find((p) => p.metadata.name === hostOf(primary));
        expect(pooler, `${s.name}: ${prefix}DATABASE_URL through a Pooler`).to.not.equal(undefined);
        // Behind PgBouncer the statement timeout must not travel as a startup parameter.
        expect(env.DB_BEHIND_PGBOUNCER, `${s.name}: DB_BEHIND_PGBOUNCER`).to.equal("true");
        expect(hostOf(replica), `${s.name}: ${prefix}DATABASE_READ_URL on the replicas of the same cluster`).to.equal(`${pooler!.spec.cluster.name}-ro`);
        expect(databaseOf(primary)).to.equal(`camau_${s.name}`);
        expect(databaseOf(replica)).to.equal(`camau_${s.name}`);
        // The migration Job: the same database on the primary, directly (its advisory lock needs a session).
        const job = envOf(find("Job", "migrate")!.spec.template.spec.containers[0]);
        expect(job[`${prefix}DATABASE_URL`], `migrate: ${prefix}DATABASE_URL`).to.be.a("string");
        expect(hostOf(job[`${prefix}DATABASE_URL`]!)).to.equal(`${pooler!.spec.cluster.name}-rw`);
        expect(databaseOf(job[`${prefix}DATABASE_URL`]!)).to.equal(`camau_${s.name}`);
      }
      const job = find("Job", "migrate")!;
      expect(job.spec.template.spec.containers[0].command).to.deep.equal(["node", "dist/scripts/migrate.js"]);
      expect(job.spec.template.spec.restartPolicy).to.equal("Never");
      expect(existsSync(path.join(REPO_ROOT, "dist", "scripts", "migrate.js"))).to.equal(true);
      // The gateway's shared state.
      const gateway = envOf(find("Deployment", "gateway")!.spec.template.spec.containers[0]);
      expect(hostOf(gateway.REDIS_URL!)).to.equal("redis");
      expect(find("Service", "redis")).to.not.equal(undefined);
    });

    it("exposes the gateway alone through the Ingress", () => {
      const backends = all("Ingress").flatMap((i) => i.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => p.backend.service.name)));
      expect(backends.length).to.be.greaterThan(0);
      expect([...new Set(backends)]).to.deep.equal(["gateway"]);
    });

    it("denies by default and allows only the connections the architecture needs", () => {
      const policies = all("NetworkPolicy");
      const ns: Labels = { "kubernetes.io/metadata.name": namespace };
      expect(
        policies.some((p) => Object.keys(selectorLabels(p.spec.podSelector)).length === 0 && ["Ingress", "Egress"].every((t) => p.spec.policyTypes?.includes(t)) && !p.spec.ingress && !p.spec.egress),
        "a default-deny policy for every pod",
      ).to.equal(true);

      // Every pod of the namespace, including those the operators create from the Cluster and Pooler resources.
      const pods: Record<string, Pod> = {};
      for (const o of objects.filter((x) => ["Deployment", "StatefulSet", "Job"].includes(x.kind))) pods[o.metadata.name] = { name: o.metadata.name, labels: o.spec.template.metadata.labels, namespace: ns };
      for (const c of all("Cluster", CNPG)) pods[c.metadata.name] = { name: c.metadata.name, labels: { "cnpg.io/cluster": c.metadata.name, "cnpg.io/podRole": "instance" }, namespace: ns };
      for (const p of all("Pooler", CNPG)) pods[p.metadata.name] = { name: p.metadata.name, labels: { "cnpg.io/poolerName": p.metadata.name, "cnpg.io/podRole": "pooler" }, namespace: ns };
      const ingressController: Pod = { name: "ingress-controller", labels: { "app.kubernetes.io/name": "ingress-nginx" }, namespace: { "kubernetes.io/metadata.name": "ingress-nginx" } };
      const dns: Pod = { name: "kube-dns", labels: { "k8s-app": "kube-dns" }, namespace: { "kubernetes.io/metadata.name": "kube-system" } };
      const operator: Pod = { name: "cnpg-operator", labels: { "app.kubernetes.io/name": "cloudnative-pg" }, namespace: { "kubernetes.io/metadata.name": "cnpg-system" } };
      const otherNamespace: Pod = { name: "elsewhere", labels: { "app.kubernetes.io/name": "gateway" }, namespace: { "kubernetes.io/metadata.name": "other" } };
      const can = (from: Pod, to: Pod, port: number, protocol = "TCP") => allowed(policies, namespace, from, to, port, protocol);

      const portOf = (name: string) => find("Service", name)!.spec.ports[0].port as number;
      const ours = Object.values(pods);
      for (const pod of ours) {
        expect(can(pod, dns, 53, "UDP"), `${pod.name} resolves names`).to.equal(true);
        expect(can(pod, dns, 53, "TCP"), `${pod.name} resolves names over TCP`).to.equal(true);
      }

      // Outside: the ingress controller reaches the gateway, nothing else; other namespaces nothing.
      expect(can(ingressController, pods.gateway, portOf("gateway"))).to.equal(true);
      expect(can(otherNamespace, pods.gateway, portOf("gateway"))).to.equal(false);
      for (const s of SUBGRAPHS) {
        expect(can(ingressController, pods[s.name], portOf(s.name)), `ingress controller to ${s.name}`).to.equal(false);
        expect(can(otherNamespace, pods[s.name], portOf(s.name)), `another namespace to ${s.name}`).to.equal(false);
      }

      // The services among themselves: only the gateway reaches the subgraphs, the fund the registry,
      // and the reporting subgraph the gateway (it reads the report's figures as a client).
      for (const to of SERVICES) {
        for (const from of ours) {
          const expected =
            from.name !== to.name &&
            (from.name === "gateway" ? to.name !== "gateway" : (from.name === "fund" && to.name === "registry") || (from.name === "reporting" && to.name === "gateway"));
          if (from.name === to.name) continue;
          expect(can(from, pods[to.name], portOf(to.name)), `${from.name} → ${to.name}`).to.equal(expected);
        }
      }
      for (const from of ours) expect(can(from, pods.redis, 6379), `${from.name} → redis`).to.equal(from.name === "gateway");

      // PostgreSQL: each cluster is reached by the subgraphs whose databases it holds, the migration
      // Job, its poolers and its own instances; nobody else.
      const hostOf = (url: string) => new URL(url.replace(/\$\([A-Za-z0-9_]+\)/g, "x")).hostname;
      for (const cluster of all("Cluster", CNPG)) {
        const name = cluster.metadata.name;
        const poolersOf = all("Pooler", CNPG).filter((p) => p.spec.cluster.name === name).map((p) => p.metadata.name);
        const owners = SUBGRAPHS.filter((s) => poolersOf.includes(hostOf(envOf(find("Deployment", s.name)!.spec.template.spec.containers[0])[`${envPrefixOf(s.name)}DATABASE_URL`]!))).map((s) => s.name);
        expect(owners.length, `${name} holds some subgraph's database`).to.be.greaterThan(0);
        const clients = new Set([...owners, "migrate", ...poolersOf, name]);
        for (const from of ours) {
          expect(can(from, pods[name], 5432), `${from.name} → ${name} (instances)`).to.equal(clients.has(from.name));
          for (const pooler of poolersOf) expect(can(from, pods[pooler], 5432), `${from.name} → ${pooler}`).to.equal(owners.includes(from.name));
        }
        // Replication and status between instances; the operator's checks.
        expect(can(pods[name], pods[name], 8000)).to.equal(true);
        expect(can(operator, pods[name], 8000)).to.equal(true);
        expect(can(otherNamespace, pods[name], 5432)).to.equal(false);
      }
    });
  });
}

describe("deploy/overlays: national scale against the province", function () {
  this.timeout(60_000);
  before(function () {
    requireKubectl(this);
  });
  it("runs more replicas with higher autoscaling limits and a PostgreSQL cluster per subgraph", () => {
    const [province, national] = OVERLAYS.map(render);
    const hpa = (objects: Obj[], name: string) => objects.find((o) => o.kind === "HorizontalPodAutoscaler" && o.spec.scaleTargetRef.name === name)!.spec;
    for (const service of SERVICES) {
      expect(hpa(national, service.name).minReplicas, service.name).to.be.at.least(hpa(province, service.name).minReplicas);
      expect(hpa(national, service.name).maxReplicas, service.name).to.be.greaterThan(hpa(province, service.name).maxReplicas);
    }
    expect(province.filter((o) => o.kind === "Cluster")).to.have.length(1);
    expect(national.filter((o) => o.kind === "Cluster")).to.have.length(SUBGRAPHS.length);
  });
});
