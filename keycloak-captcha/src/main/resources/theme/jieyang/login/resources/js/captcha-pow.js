// The captcha's path for a person who cannot read the image (keycloak/README.md, WCAG 2.2 SC 3.3.8):
// one button, and the browser finds a nonce such that SHA-256(puzzle + ":" + nonce) starts with
// `difficulty` zero bits. Nothing to read, type, remember or solve. Loaded as an external module (no
// inline script); without JavaScript the button stays hidden and the image is the only path.
const box = document.getElementById("captcha-pow");
const nonceField = document.getElementById("captcha-pow-nonce");
if (box && nonceField && window.crypto && window.crypto.subtle) {
    const start = document.getElementById("captcha-pow-start");
    const status = document.getElementById("captcha-pow-status");
    const puzzle = box.dataset.pow;
    const difficulty = Number(box.dataset.powDifficulty);
    const encoder = new TextEncoder();

    const zeroBits = (bytes) => {
        let bits = 0;
        for (const b of bytes) {
            if (b === 0) { bits += 8; continue; }
            return bits + Math.clz32(b) - 24;
        }
        return bits;
    };

    const solve = async () => {
        const batch = 512;
        for (let base = 0; ; base += batch) {
            const tries = [];
            for (let n = base; n < base + batch; n++) {
                tries.push(crypto.subtle.digest("SHA-256", encoder.encode(puzzle + ":" + n))
                    .then((d) => (zeroBits(new Uint8Array(d)) >= difficulty ? n : -1)));
            }
            const found = (await Promise.all(tries)).find((n) => n >= 0);
            if (found !== undefined) {
                return String(found);
            }
        }
    };

    box.hidden = false;
    start.addEventListener("click", async () => {
        start.disabled = true;
        status.textContent = box.dataset.working;
        try {
            nonceField.value = await solve();
            status.textContent = box.dataset.done;
            const login = document.getElementById("kc-login");
            if (login) { login.focus(); }
        } catch (e) {
            start.disabled = false;
            status.textContent = box.dataset.failed;
        }
    });
}
