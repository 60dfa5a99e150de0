// docker/prometheus: rules checked and unit-tested by promtool (Debian's "prometheus" package).
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dockerDir, makeTempDir, repoRoot, requireTool, run } from './support/tools';

const rulesDir = join(dockerDir, 'prometheus');

type RuleFile = {
  groups: Array<{ name: string; rules: Array<{ alert?: string; record?: string; expr: string; labels?: Record<string, string> }> }>;
};
type RuleTests = { tests: Array<{ name: string; alert_rule_test?: Array<{ alertname: string; exp_alerts: unknown[] }> }> };

describe('Prometheus rules (docker/prometheus)', () => {
  let promtool: string;
  const rules = parse(readFileSync(join(rulesDir, 'alerts.yml'), 'utf8')) as RuleFile;
  const alerts = rules.groups.flatMap((g) => g.rules).filter((r) => r.alert);

  beforeAll(() => {
    promtool = requireTool('promtool', 'prometheus');
  });

  it('passes promtool check rules', () => {
    const result = run(promtool, ['check', 'rules', join(rulesDir, 'alerts.yml')]);
    expect(result.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(result.status).toBe(0);
  });

  it('passes its unit tests (promtool test rules)', () => {
    const result = run(promtool, ['test', 'rules', join(rulesDir, 'alerts.test.yml')]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  it('has unit tests that fail when a threshold drifts', () => {
    const temp = makeTempDir('promtool');
    try {
      writeFileSync(join(temp.path, 'alerts.yml'), readFileSync(join(rulesDir, 'alerts.yml'), 'utf8').replace('> 0.05', '> 0.5'));
      copyFileSync(join(rulesDir, 'alerts.test.yml'), join(temp.path, 'alerts.test.yml'));
      const result = run(promtool, ['test', 'rules', join(temp.path, 'alerts.test.yml')]);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('HighErrorRate');
    } finally {
      temp.remove();
    }
  });

  it("defines the plan's alerts plus latency, queue backlog and readiness flapping", () => {
    expect(alerts.map((a) => a.alert).sort()).toEqual(
      ['DatabaseConnectionsHigh', 'HighErrorRate', 'HighLatencyP99', 'QueueBacklog', 'ReadinessFlapping'].sort(),
    );
    for (const alert of alerts)
      expect({ alert: alert.alert, severity: alert.labels?.['severity'] }).toEqual({
        alert: alert.alert,
        severity: expect.stringMatching(/^(critical|warning)$/),
      });
  });

  it('tests every alert both firing and staying quiet', () => {
    const cases = (parse(readFileSync(join(rulesDir, 'alerts.test.yml'), 'utf8')) as RuleTests).tests.flatMap(
      (t) => t.alert_rule_test ?? [],
    );
    for (const { alert } of alerts) {
      const own = cases.filter((c) => c.alertname === alert);
      expect({ alert, fires: own.some((c) => c.exp_alerts.length > 0), quiet: own.some((c) => c.exp_alerts.length === 0) }).toEqual({
        alert,
        fires: true,
        quiet: true,
      });
    }
  });

  it('computes the error rate as a 5xx ratio that ignores health probes', () => {
    const text = readFileSync(join(rulesDir, 'alerts.yml'), 'utf8');
    expect(text).toMatch(/status_class="5xx"/);
    expect(text).toMatch(/route!~"\/api\/health\/\.\*"/);
    // Cardinality: rules never group or filter by per-user or raw-URL labels.
    expect(text).not.toMatch(/user_id|userId|\burl\b|\bpath=/);
  });

  it('alerts only on app metrics that apps/api/src/observability really exports', () => {
    const sourceDir = join(repoRoot, 'apps/api/src/observability');
    const exported = new Set(
      readdirSync(sourceDir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
        .flatMap((f) => [...readFileSync(join(sourceDir, f), 'utf8').matchAll(/name: '([a-z_]+)'/g)].map((m) => m[1])),
    );
    // Metrics of other exporters (kube-state-metrics, mongodb_exporter) are documented in alerts.yml.
    // Recording rules (primetrade:...) are skipped by the look-behind.
    const appMetric = /(?<![:\w])((?:http|tasks?|bullmq)_[a-z_]+?)(?:_bucket|_count|_sum)?\b/g;
    const used = new Set(rules.groups.flatMap((g) => g.rules).flatMap((r) => [...r.expr.matchAll(appMetric)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(0);
    for (const metric of used) expect({ metric, exported: exported.has(metric) }).toEqual({ metric, exported: true });
  });

  it('has a compose scrape config that promtool accepts', () => {
    const temp = makeTempDir('promconfig');
    try {
      copyFileSync(join(rulesDir, 'alerts.yml'), join(temp.path, 'alerts.yml'));
      const config = readFileSync(join(rulesDir, 'prometheus.yml'), 'utf8');
      expect(config).toContain('/etc/prometheus/alerts.yml');
      writeFileSync(join(temp.path, 'prometheus.yml'), config.replace('/etc/prometheus/alerts.yml', join(temp.path, 'alerts.yml')));
      const result = run(promtool, ['check', 'config', join(temp.path, 'prometheus.yml')]);
      expect(result.status).toBe(0);
      expect(config).toMatch(/api:9464/);
      expect(config).toMatch(/worker:9464/);
    } finally {
      temp.remove();
    }
  });
});
