/**
 * effect-crisp/testing: an in-memory Crisp (`FakeCrisp`), a loopback HTTP server
 * for it (`FakeCrispServer`), in-process test layers (`CrispTest`) and a loopback
 * simulator with a real RTM socket (`CrispSimulator`).
 *
 * @since 0.1.0
 */
export * as FakeCrisp from "./testing/FakeCrisp.js"
export * as FakeCrispServer from "./testing/FakeCrispServer.js"
export * as CrispTest from "./testing/CrispTest.js"
export * as CrispSimulator from "./testing/CrispSimulator.js"
