import { hashPassword, verifyPassword } from "../server/auth/passwords.js";
const h = await hashPassword("75011");
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t = cpu(); const w = performance.now();
for (let i = 0; i < 20; i++) await verifyPassword("75011", h);
console.log("verify cpu ms", ((cpu() - t) / 20).toFixed(1), "wall", ((performance.now() - w) / 20).toFixed(1));
