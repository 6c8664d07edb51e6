/** About 3.5 KB of a typical assistant answer, with the handful of entities real traffic carries. */
export const LLM_RESPONSE_3_5KB = `Thanks for the details! Here is how to get your Acme router back online and keep it stable.

1. Restart the router and the modem. Unplug both for 30 seconds, plug the modem back in first, wait until
its "Online" light is steady (usually 1–2 minutes), then plug in the router. This clears most temporary
faults, including the "connected, no internet" state you described after the update on 2024-05-14.

2. Check the firmware. Open http://192.168.1.1 in a browser, sign in with the admin password printed on
the label, and go to Settings → System → Firmware. Version 3.2.18 fixed the 5 GHz disconnects; if you are on
3.2.11 or older, click "Check for updates" and let it finish without switching the router off.

3. Change the Wi-Fi channel. Neighbouring networks on the same channel cause exactly the drops you see
in the evening. Under Wireless → Advanced, set the 2.4 GHz band to channel 1, 6 or 11 and the 5 GHz band to
"Auto". Save and reconnect your devices.

4. Separate the bands. Some older laptops jump between 2.4 and 5 GHz and lose the connection each time.
Give the bands different names (for example "Home" and "Home-5G") and connect the laptop to one of them.

5. Look at the logs. Under System → Logs you will find entries like "WAN link down" with timestamps. If
they line up with the drops, the problem is the line, not the Wi-Fi; in that case our line team needs your
customer number (it starts with AC-) and a time window when someone is home.

If none of this helps, reply to this message or call our support line at +44 20 7946 0958 (Monday to
Friday, 8:00–20:00). You can also write to support@acme-example.com with the order number from your
invoice; please do not send your full card number or your account password by e-mail, we never ask for them.

A few more tips while you are in the settings:
- Turn on automatic firmware updates so you get security fixes without having to think about it.
- Change the admin password from the one on the label to a long passphrase only you know.
- If you use a mesh extender, place it halfway between the router and the dead spot, not in the dead spot.
- Devices that need a fixed address (a printer, a NAS) are best given a reservation under LAN → DHCP,
  for example 192.168.1.50, instead of a manually typed static address that can clash with others.
- For video calls, enable "WMM" under Wireless → Advanced; it prioritises voice and video traffic.

About the refund you asked for: the duplicate charge of €39.90 from your statement on 2024-05-02 has been
reversed. It will appear on your statement within 3–5 working days, depending on your bank. The reference
for this correction is RF-2024-118204; you do not need to do anything else.

Finally, if you want to test the connection yourself, run a speed test from a computer connected with a cable
(Wi-Fi results vary too much to compare) at three different times of day and note the results. Download
speeds below 80% of your plan at all three times point to a line fault, which we can then escalate with the
measurements attached. Speeds that are fine by cable but poor over Wi-Fi point to placement or interference,
which steps 3 and 4 above address.

One last note on security: if you ever shared the Wi-Fi password with guests, set up the guest network under
Wireless → Guest instead and change the main password afterwards. Guest devices then reach the internet but not
your computers, printer or storage, and you can switch the guest network off with one click when nobody needs it.

I hope this gets everything working again. Let me know how it goes, and have a great rest of your day!
`;

export const LLM_PROMPT =
  'Hi, my Acme router keeps dropping the connection every evening since the last update, and I was charged twice ' +
  'for May. My email is jane.doe@example.org. What can I do?';
