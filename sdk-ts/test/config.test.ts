// The config module on a realistic service configuration (files through an in-memory reader,
// environment overrides, rules, explain, redaction) and on each kind of bad input.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Config, ConfigBuilder, DEFAULT_SECRET_KEYS, parseDuration, translatePattern } from "@llm-dev-ops/infra/config";
import { InfraError } from "@llm-dev-ops/infra/errors";

function throwsKind(fn: () => unknown, kind: string, check?: (e: InfraError) => void): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InfraError, `expected an InfraError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    check?.(e);
    return true;
  });
}

const BASE_TOML = `name = "api-gateway"
mode = "staging"

[server]
host = "0.0.0.0"
port = 8000
timeout = "30s"
workers = 4

[db]
host = "localhost"
port = 5432
user = "app"

[db.pool]
min = 1
max = 10

[logging]
level = "info"
format = "text"
sample_rate = 0.25

[features]
enabled = ["search", "beta-ui"]
`;
const PRODUCTION_JSON = JSON.stringify({
  mode: "production",
  server: { host: "api.example.com", timeout: "1m30s" },
  db: { host: "db.internal", pool: { max: 20 } },
  logging: { format: null, level: "warning" },
  features: { enabled: ["search"] },
}, null, 2);
const SECRETS_TOML = '[db]\npassword = "hunter2-db"\n\n[api]\ntoken = "tok-0123456789"\n';
const ENV = { APP_SERVER__PORT: "9443", APP_DB__POOL__MAX: "50", APP_DEBUG: "false", APP_SERVER__WORKERS: "8", UNRELATED: "x" };

function files(extra: Record<string, string> = {}): Record<string, string> {
  return { "/etc/svc/base.toml": BASE_TOML, "/etc/svc/production.json": PRODUCTION_JSON, "/etc/svc/secrets.toml": SECRETS_TOML, ...extra };
}

function sources(fs: Record<string, string>, env: Record<string, string> = ENV): ConfigBuilder {
  const read = (p: string): string | undefined => fs[p];
  return new ConfigBuilder()
    .addDefaults({ server: { port: 8000, workers: 1 }, debug: true })
    .addFile("/etc/svc/base.toml", read)
    .addFile("/etc/svc/production.json", read)
    .addFile("/etc/svc/local.toml", read, { required: false })
    .addFile("/etc/svc/secrets.toml", read)
    .addEnv({ prefix: "APP_", vars: env });
}

function service(fs: Record<string, string>, env: Record<string, string> = ENV): ConfigBuilder {
  return sources(fs, env)
    .require("name", "server.host", "db.host", "db.password", "api.token")
    .range("server.port", 1, 65535)
    .range("db.pool.max", 1, 100)
    .range("logging.sample_rate", 0, 1)
    .pattern("server.host", "[a-z0-9.-]+")
    .pattern("name", "[a-z][a-z0-9-]{2,62}")
    .oneOf("logging.level", ["debug", "info", "warning", "error"])
    .oneOf("mode", ["staging", "production"])
    .expectType("db.port", "integer")
    .length("features.enabled", 1, 10);
}

const BASE = "/etc/svc/base.toml";
const PROD = "/etc/svc/production.json";
const SECRETS = "/etc/svc/secrets.toml";

describe("a realistic service configuration", () => {
  it("layers files and env, checks rules and reads typed values", () => {
    const cfg = service(files()).build();
    assert.deepEqual([...cfg.sources], ["defaults", BASE, PROD, SECRETS, "env:APP_"]);
    assert.equal(cfg.getInt("server.port"), 9443);
    assert.equal(cfg.getStr("server.host"), "api.example.com");
    assert.equal(cfg.getDuration("server.timeout"), 90_000);
    assert.equal(cfg.getInt("server.workers"), 8);
    assert.equal(cfg.getBool("debug"), false);
    assert.equal(cfg.getInt("db.pool.min"), 1);
    assert.equal(cfg.getInt("db.pool.max"), 50);
    assert.equal(cfg.getFloat("logging.sample_rate"), 0.25);
    assert.deepEqual(cfg.getList("features.enabled"), ["search"]);
    assert.equal(cfg.has("logging.format"), false);
    assert.deepEqual(cfg.get("logging"), { level: "warning", sample_rate: 0.25 });
    assert.equal(cfg.getStr("db.password"), "hunter2-db");
    assert.equal(cfg.has("unrelated"), false);
    assert.deepEqual(cfg.load<{ db: { pool: { min: number; max: number } } }>().db.pool, { min: 1, max: 50 });
    assert.deepEqual(cfg.load("db.pool"), { min: 1, max: 50 });
  });

  it("explains where every value came from", () => {
    const cfg = service(files()).build();
    const expectations: Array<[string, string]> = [
      ["server.port", "env:APP_"], ["server.host", PROD], ["server.timeout", PROD], ["db.port", BASE], ["db.host", PROD],
      ["db.password", SECRETS], ["db.pool.min", BASE], ["db.pool.max", "env:APP_"], ["db.pool", "env:APP_"], ["db", "env:APP_"],
      ["logging", PROD], ["features.enabled.0", PROD], ["debug", "env:APP_"], ["name", BASE],
    ];
    for (const [path, label] of expectations) assert.equal(cfg.explain(path), label, path);
    assert.deepEqual(cfg.explainAll(), {
      name: BASE, mode: PROD, "server.host": PROD, "server.port": "env:APP_", "server.timeout": PROD, "server.workers": "env:APP_",
      "db.host": PROD, "db.port": BASE, "db.user": BASE, "db.password": SECRETS, "db.pool.min": BASE, "db.pool.max": "env:APP_",
      "logging.level": PROD, "logging.sample_rate": BASE, "features.enabled": PROD, "api.token": SECRETS, debug: "env:APP_",
    });
    assert.equal(cfg.section("db").explain("pool.max"), "env:APP_");
  });

  it("redacts secrets in toObject({redact}), toJSON and JSON.stringify", () => {
    const cfg = service(files()).build();
    const shown = JSON.stringify(cfg) + JSON.stringify(cfg.toObject({ redact: true })) + JSON.stringify(cfg.toJSON());
    assert.ok(!shown.includes("hunter2-db") && !shown.includes("tok-0123456789"), shown);
    const redacted = cfg.toObject({ redact: true }) as { db: { password: string }; api: unknown };
    assert.equal(redacted.db.password, "***");
    assert.deepEqual(redacted.api, { token: "***" });
    assert.ok(JSON.stringify(cfg.toObject()).includes("hunter2-db"));
  });

  it("reports every violation at once, in declaration order", () => {
    const env = {
      APP_SERVER__PORT: "70000", APP_SERVER__HOST: "API.Example.com", APP_DB__POOL__MAX: "0", APP_LOGGING__LEVEL: "loud",
      APP_DB__PORT: '"5432"', APP_FEATURES__ENABLED: "[]", APP_API__TOKEN: "null",
    };
    throwsKind(() => service(files(), env).build(), "config", (e) => {
      const violations = e.context["violations"] as Array<{ path: string; rule: string; message: string }>;
      assert.deepEqual(violations.map((v) => [v.path, v.rule]), [
        ["api.token", "required"], ["server.port", "range"], ["db.pool.max", "range"], ["server.host", "pattern"],
        ["logging.level", "enum"], ["db.port", "type"], ["features.enabled", "length"],
      ]);
      assert.ok(e.message.startsWith("invalid configuration (7 violations): "), e.message);
      for (const v of violations) assert.ok(e.message.includes(v.message));
      assert.ok(e.message.includes("server.port: 70000 is above the maximum 65535"), e.message);
      assert.ok(e.message.includes("db.port: must be of type integer, got string"), e.message);
    });
  });

  it("reads the files on every build (an optional file that appears is layered)", () => {
    const fs = files();
    const builder = sources(fs);
    assert.equal(builder.build().getStr("db.user"), "app");
    fs["/etc/svc/local.toml"] = '[db]\nuser = "local"\n';
    const cfg = builder.build();
    assert.equal(cfg.getStr("db.user"), "local");
    assert.equal(cfg.explain("db.user"), "/etc/svc/local.toml");
  });

  it("names a missing required file", () => {
    const fs = files();
    delete fs[SECRETS];
    throwsKind(() => service(fs).build(), "config", (e) => {
      assert.equal(e.context["source"], SECRETS);
      assert.equal(e.message, `config file ${JSON.stringify(SECRETS)} not found`);
    });
  });

  it("names a malformed file by path, line and column", () => {
    const fs = files({ [PROD]: '{\n  "a": 1,\n  "b": \n}\n' });
    throwsKind(() => service(fs).build(), "config", (e) => {
      assert.equal(e.context["source"], PROD);
      assert.deepEqual([e.context["line"], e.context["column"]], [4, 1]);
      assert.ok(e.message.startsWith(`config source ${JSON.stringify(PROD)}: invalid JSON at line 4 column 1`), e.message);
    });
    throwsKind(() => service(files({ [BASE]: "[server\nport = 1\n" })).build(), "config", (e) => {
      assert.equal(e.context["source"], BASE);
      assert.equal(e.context["line"], 1);
      assert.ok(e.message.includes("invalid TOML at line 1 column"), e.message);
    });
  });
});

describe("secrets never show in messages", () => {
  const SECRET = "hunter2-XYZZY";
  const doc = { db: { password: SECRET, pin: 123456789 }, api: { token: SECRET }, credentials: { aws: { id: 123456789 } } };
  const declarations: Array<[string, (b: ConfigBuilder) => ConfigBuilder]> = [
    ["range", (b) => b.range("db.password", 0, 10)],
    ["pattern", (b) => b.pattern("db.password", "\\d+")],
    ["enum", (b) => b.oneOf("api.token", ["x"])],
    ["length", (b) => b.length("db.password", 1, 3)],
    ["type", (b) => b.expectType("db.password", "integer")],
    ["custom", (b) => b.check("db.password", () => false, "must be rotated")],
    ["custom-throws", (b) => b.check("db.password", () => { throw new Error(SECRET); }, "must be rotated")],
    ["secret parent", (b) => b.range("credentials.aws.id", 0, 1)],
  ];
  for (const [name, declare] of declarations) {
    it(`a failing ${name} rule on a secret path`, () => {
      throwsKind(() => declare(new ConfigBuilder().addMemory(doc)).build(), "config", (e) => {
        const text = e.message + JSON.stringify(e.context);
        assert.ok(!text.includes(SECRET) && !text.includes("123456789"), text);
      });
    });
  }

  it("typed getters on a secret path show ***", () => {
    const cfg = new ConfigBuilder().addMemory({ db: { password: SECRET, secret_n: 987654321, token_obj: { x: SECRET } } }).build();
    const reads: Array<() => unknown> = [
      () => cfg.getInt("db.password"), () => cfg.getFloat("db.password"), () => cfg.getBool("db.password"),
      () => cfg.getList("db.secret_n"), () => cfg.getStr("db.token_obj"),
    ];
    for (const read of reads) {
      throwsKind(read, "config", (e) => {
        assert.ok(e.message.includes("***"), e.message);
        assert.ok(!e.message.includes(SECRET) && !e.message.includes("987654321"), e.message);
      });
    }
  });

  it("redacts by key substring, ASCII case-insensitively, and honours custom keys", () => {
    const cfg = new ConfigBuilder().addMemory({ API_KEY: SECRET, Secrets: { a: SECRET }, list: [{ auth_token: SECRET, id: 1 }], pass: "v" }).build();
    assert.deepEqual(cfg.toObject({ redact: true }), { API_KEY: "***", Secrets: "***", list: [{ auth_token: "***", id: 1 }], pass: "v" });
    const custom = new ConfigBuilder({ secretKeys: ["pin"] }).addMemory({ PIN: "1234", password: "visible" }).build();
    assert.deepEqual(custom.toJSON(), { PIN: "***", password: "visible" });
    assert.ok(DEFAULT_SECRET_KEYS.includes("password"));
  });
});

describe("config bad input", () => {
  it("refuses a top level that is not an object, naming the source", () => {
    for (const [text, got] of [["[1, 2]", "array"], ["42", "number"], ['"s"', "string"], ["null", "null"]] as const) {
      throwsKind(() => new ConfigBuilder().addJson(text, { label: "base.json" }).build(), "config", (e) => {
        assert.equal(e.context["source"], "base.json");
        assert.equal(e.message, `config source "base.json": the top level must be an object (a table), got ${got}`);
      });
    }
    throwsKind(() => new ConfigBuilder().addMemory([1] as unknown as Record<string, unknown>), "config", (e) => assert.equal(e.context["source"], "memory"));
  });

  it("refuses a file whose format it cannot tell", () => {
    throwsKind(() => new ConfigBuilder().addFile("/etc/app.yaml", () => "a: 1"), "config", (e) => {
      assert.equal(e.context["source"], "/etc/app.yaml");
      assert.ok(e.message.includes("format"), e.message);
    });
    assert.deepEqual(new ConfigBuilder().addFile("/etc/app.conf", () => '{"a": 1}', { format: "json" }).build().toObject(), { a: 1 });
  });

  it("skips a missing optional file and names a missing required one", () => {
    const cfg = new ConfigBuilder().addDefaults({ a: 1 }).addFile("/x.toml", () => null, { required: false }).build();
    assert.deepEqual(cfg.toObject(), { a: 1 });
    assert.deepEqual([...cfg.sources], ["defaults"]);
    throwsKind(() => new ConfigBuilder().addFile("/x.toml", () => undefined).build(), "config", (e) => assert.equal(e.context["source"], "/x.toml"));
  });

  it("refuses a non-numeric priority, naming the field and the source", () => {
    for (const priority of ["high", true, [1]]) {
      throwsKind(() => new ConfigBuilder().addMemory({}, { label: "src", priority: priority as unknown as number }), "config", (e) => {
        assert.equal(e.context["field"], "priority");
        assert.equal(e.message, 'source "src": priority must be a finite number');
      });
    }
  });

  it("values JSON cannot carry are named by path", () => {
    const cases: Array<[() => unknown, string]> = [
      [() => new ConfigBuilder().addToml("[a]\nwhen = 1979-05-27T07:32:00Z\n", { label: "app.toml" }).build(), "a.when"],
      [() => new ConfigBuilder().addToml("x = [1, inf]\n", { label: "app.toml" }).build(), "x.1"],
      [() => new ConfigBuilder().addMemory({ a: { b: 10n } as unknown as Record<string, unknown> }, { label: "app.toml" }), "a.b"],
      [() => new ConfigBuilder().addMemory({ a: [1, undefined] }, { label: "app.toml" }), "a.1"],
      [() => new ConfigBuilder().addMemory({ a: Number.NaN }, { label: "app.toml" }), "a"],
    ];
    for (const [fn, path] of cases) throwsKind(fn, "config", (e) => {
      assert.equal(e.context["source"], "app.toml");
      assert.ok(e.message.includes(`at ${path} `), e.message);
    });
    throwsKind(() => new ConfigBuilder().addJson('{"a": 9007199254740993}', { label: "j" }).build(), "config", (e) => assert.ok(e.message.includes("9007199254740993")));
    throwsKind(() => new ConfigBuilder().addJson('{"a": {"__proto__": 1}}', { label: "j" }).build(), "config", (e) => assert.ok(e.message.includes("a.__proto__")));
  });

  it("a malformed dot path is a validation error naming it", () => {
    const cfg = new ConfigBuilder().addMemory({ a: { b: 1 } }).build();
    for (const path of ["a..b", ".a", "a.", "a\\x"]) {
      for (const read of [(p: string) => cfg.get(p), (p: string) => cfg.getInt(p), (p: string) => cfg.explain(p), (p: string) => cfg.has(p)]) {
        throwsKind(() => read(path), "validation", (e) => assert.ok(e.message.includes(path), e.message));
      }
    }
    throwsKind(() => cfg.explain(""), "validation", (e) => assert.equal(e.context["field"], "path"));
  });

  it("a missing value names the path; a fallback is returned as given", () => {
    const cfg = new ConfigBuilder().addMemory({ port: 8080, tags: ["a"] }).build();
    for (const path of ["missing", "tags.1", "tags.01", "port.x"]) {
      for (const read of [(p: string) => cfg.get(p), (p: string) => cfg.getDuration(p), (p: string) => cfg.explain(p)]) {
        throwsKind(() => read(path), "config", (e) => {
          assert.equal(e.context["path"], path);
          assert.equal(e.message, `config value ${JSON.stringify(path)} is not set`);
        });
      }
      assert.equal(cfg.getInt(path, 7), 7);
    }
    assert.equal(cfg.getStr("port", "x"), "8080");
    assert.equal(cfg.getDuration("port", 5), 8_080_000);
  });

  it("typed getters on the wrong kind name the path and the value", () => {
    const cases: Array<[keyof Config, unknown, string]> = [
      ["getInt", "abc", "an integer"], ["getInt", "1.5", "an integer"], ["getInt", 1.5, "an integer"], ["getInt", true, "an integer"],
      ["getInt", "9007199254740992", "an integer"], ["getFloat", "abc", "a number"], ["getFloat", true, "a number"],
      ["getFloat", "1e400", "a number"], ["getBool", "maybe", "a boolean (true/yes/on/1 or false/no/off/0)"],
      ["getBool", "", "a boolean (true/yes/on/1 or false/no/off/0)"], ["getBool", 2, "a boolean (true/yes/on/1 or false/no/off/0)"],
      ["getStr", { x: 1 }, "a string"], ["getList", 5, "an array or a comma-separated string"],
    ];
    for (const [getter, value, want] of cases) {
      const cfg = new ConfigBuilder().addMemory({ svc: { v: value } }).build();
      throwsKind(() => (cfg[getter] as (p: string) => unknown).call(cfg, "svc.v"), "config", (e) => {
        assert.equal(e.context["path"], "svc.v");
        assert.ok(e.message.startsWith(`config value "svc.v" must be ${want}, got `), e.message);
        assert.ok(e.message.endsWith(JSON.stringify(value)), e.message);
      });
    }
  });

  it("a malformed duration names the path", () => {
    for (const value of ["3O", "1w", "-5s", "", "1 h", "1.2345s", "104249991375d", -1, true, [1]]) {
      const cfg = new ConfigBuilder().addMemory({ server: { timeout: value } }).build();
      throwsKind(() => cfg.getDuration("server.timeout"), "config", (e) => {
        assert.equal(e.context["path"], "server.timeout");
        assert.ok(e.message.includes('"server.timeout"') && e.message.includes("duration"), e.message);
      });
    }
    const valid: Array<[unknown, number]> = [["1h30m", 5_400_000], [30, 30_000], [1.5, 1500], ["250ms", 250], ["2.5ms", 3], ["0.0004", 0], ["1m1m", 120_000]];
    for (const [value, ms] of valid) assert.equal(parseDuration(value), ms, String(value));
  });

  it("malformed rules name the field", () => {
    const cases: Array<[unknown[], string]> = [
      [[{ rule: "nope", path: "a" }], "rules[0].rule"], [[{ rule: "range", path: "a", step: 1, min: 0 }], "rules[0].step"],
      [[{ rule: "type", path: "a", type: "int" }], "rules[0].type"], [[{ rule: "range", path: "a" }], "rules[0]"],
      [[{ rule: "range", path: "a", min: true }], "rules[0].min"], [[{ rule: "length", path: "a", max: -1 }], "rules[0].max"],
      [[{ rule: "enum", path: "a", values: [] }], "rules[0].values"], [[{ rule: "pattern", path: "a", pattern: "(?=x)" }], "rules[0].pattern"],
      [[{ rule: "required", path: "a..b" }], "rules[0].path"], [[{ rule: "required", path: "ok" }, "x"], "rules[1]"],
    ];
    for (const [rules, field] of cases) throwsKind(() => new ConfigBuilder().addRules(rules), "config", (e) => assert.equal(e.context["field"], field, e.message));
    throwsKind(() => new ConfigBuilder().addRules({ rule: "required" } as unknown as unknown[]), "config", (e) => assert.equal(e.context["field"], "rules"));
    throwsKind(() => translatePattern("a{,3}"), "config", (e) => assert.ok(e.message.includes("offset 1"), e.message));
    throwsKind(() => new ConfigBuilder({ secretKeys: ["ok", ""] }), "config", (e) => assert.equal(e.context["field"], "secret_keys"));
  });

  it("bad env names and separators name the variable or the field", () => {
    for (const [vars, separator, bad] of [
      [{ APP_: "1" }, "__", "APP_"], [{ APP_DB____PORT: "1" }, "__", "APP_DB____PORT"], [{ APP_PROTOTYPE: "1" }, "__", "APP_PROTOTYPE"],
      [{ APP___PROTO__: "1" }, "_", "APP___PROTO__"],
    ] as const) {
      throwsKind(() => new ConfigBuilder().addEnv({ prefix: "APP_", separator, vars }).build(), "config", (e) => {
        assert.equal(e.context["variable"], bad);
        assert.ok(e.message.includes(JSON.stringify(bad)), e.message);
      });
    }
    throwsKind(() => new ConfigBuilder().addEnv({ prefix: "APP_", separator: "", vars: {} }).build(), "config", (e) => assert.equal(e.context["field"], "separator"));
    throwsKind(() => new ConfigBuilder().addEnv({ prefix: "APP_", vars: { APP_PORT: 8080 as unknown as string } }).build(), "config",
      (e) => assert.equal(e.context["variable"], "APP_PORT"));
  });
});
