/**
 * Demo mode: RoboShpee's guild (fixture/) served by the Discord double
 * (@roboshpee/discord-double), and a traffic generator (traffic/) that drives interactions
 * through it. main.ts wires them; shut down in the order traffic, bot, double.
 */
export { demoGuild } from './demo-guild.js';
export { GAME_ROLE_COLOR } from './fixture/guild-fixture.js';
export type { DemoTraffic, DemoTrafficOptions, TrafficStats } from './traffic/demo-traffic.js';
export { startDemoTraffic } from './traffic/demo-traffic.js';
