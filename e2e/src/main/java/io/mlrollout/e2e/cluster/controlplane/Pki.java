package io.mlrollout.e2e.cluster.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The certificates and keys of one cluster run, made fresh by {@code openssl}: a CA, the API
 * server's serving certificate, a client certificate per user, and the key pair that signs
 * service-account tokens. Nothing outlives the run folder; validity is two days.
 */
final class Pki {

    /** A certificate and its private key, as PEM files. */
    record KeyPair(Path certificate, Path key) {
    }

    private static final String DAYS = "2";

    private final Path dir;

    private Pki(Path dir) {
        this.dir = dir;
    }

    static Pki create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Pki pki = new Pki(dir);
        pki.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", DAYS,
                "-subj", "/CN=mlrollout-e2e-ca", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign,digitalSignature");
        pki.openssl("genrsa", "-out", "service-accounts.key", "2048");
        pki.openssl("rsa", "-in", "service-accounts.key", "-pubout", "-out", "service-accounts.pub");
        return pki;
    }

    Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    Path caKey() {
        return dir.resolve("ca.key");
    }

    Path serviceAccountPrivateKey() {
        return dir.resolve("service-accounts.key");
    }

    Path serviceAccountPublicKey() {
        return dir.resolve("service-accounts.pub");
    }

    /** The API server's serving certificate, valid for loopback and the in-cluster names of the API. */
    KeyPair server(String name, List<String> ipAddresses, List<String> dnsNames) {
        List<String> names = new ArrayList<>();
        ipAddresses.forEach(ip -> names.add("IP:" + ip));
        dnsNames.forEach(dns -> names.add("DNS:" + dns));
        return sign(name, "/CN=" + name, "extendedKeyUsage=serverAuth\nsubjectAltName=" + String.join(",", names));
    }

    /** A client certificate: Kubernetes reads the user from CN and the groups from O. */
    KeyPair client(String file, String user, List<String> groups) {
        StringBuilder subject = new StringBuilder();
        groups.forEach(group -> subject.append("/O=").append(group));
        subject.append("/CN=").append(user);
        return sign(file, subject.toString(), "extendedKeyUsage=clientAuth");
    }

    /** The key pair as a PKCS#12 file, for Java's TLS server; returns the file. */
    Path pkcs12(KeyPair pair, char[] password) {
        String file = pair.certificate().getFileName().toString().replace(".crt", ".p12");
        openssl("pkcs12", "-export", "-in", pair.certificate().toString(), "-inkey", pair.key().toString(),
                "-out", file, "-passout", "pass:" + new String(password));
        return dir.resolve(file);
    }

    private KeyPair sign(String file, String subject, String extensions) {
        Path extFile = dir.resolve(file + ".ext");
        write(extFile, "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n" + extensions + "\n");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", file + ".key", "-out", file + ".csr", "-subj", subject);
        openssl("x509", "-req", "-in", file + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", DAYS,
                "-extfile", extFile.getFileName().toString(), "-out", file + ".crt");
        return new KeyPair(dir.resolve(file + ".crt"), dir.resolve(file + ".key"));
    }

    private void openssl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl did not finish: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("openssl failed (" + process.exitValue() + "): " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl (Debian package openssl): " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running openssl", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
