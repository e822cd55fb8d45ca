// SPDX-License-Identifier: Apache-2.0
#include "testpki.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Rolecall::Test {

namespace {

struct PkeyFree
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct X509Free
{
    void operator()(X509 *p) const { X509_free(p); }
};
struct BioFree
{
    void operator()(BIO *p) const { BIO_free(p); }
};
struct ExtFree
{
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
};
struct BnFree
{
    void operator()(BIGNUM *p) const { BN_free(p); }
};

using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using Cert = std::unique_ptr<X509, X509Free>;
using Bio = std::unique_ptr<BIO, BioFree>;
using Ext = std::unique_ptr<X509_EXTENSION, ExtFree>;
using Bn = std::unique_ptr<BIGNUM, BnFree>;

constexpr long kDay = 24 * 60 * 60;

QString opensslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QString::fromLatin1(what) + u": "_s + QString::fromLatin1(text);
}

struct Issued
{
    Pkey key;
    Cert cert;
};

struct Spec
{
    QByteArray commonName;
    QByteArray subjectAltNames; ///< e.g. "DNS:localhost,IP:127.0.0.1"; empty for a CA
    bool isCa = false;
    long notBeforeOffset = -kDay; ///< seconds from now
    long notAfterOffset = 30 * kDay;
};

Spec caSpec(const char *commonName)
{
    Spec spec;
    spec.commonName = commonName;
    spec.isCa = true;
    return spec;
}

Spec leafSpec(
    const char *commonName, const QByteArray &subjectAltNames, long notBefore = -kDay, long notAfter = 30 * kDay)
{
    Spec spec;
    spec.commonName = commonName;
    spec.subjectAltNames = subjectAltNames;
    spec.notBeforeOffset = notBefore;
    spec.notAfterOffset = notAfter;
    return spec;
}

bool addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const char *value)
{
    Ext ext(X509V3_EXT_nconf_nid(nullptr, ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

// Issues a certificate for a fresh P-256 key, signed by @p issuer (self-signed when null).
Issued issue(const Spec &spec, const Issued *issuer, QString *error)
{
    Issued out;
    out.key.reset(EVP_EC_gen("P-256"));
    if (!out.key) {
        *error = opensslError("EVP_EC_gen");
        return {};
    }
    out.cert.reset(X509_new());
    X509 *cert = out.cert.get();
    if (!cert || X509_set_version(cert, X509_VERSION_3) != 1) {
        *error = opensslError("X509_new");
        return {};
    }
    // A random positive 64-bit serial: reusing serials under one CA confuses verifiers.
    Bn serial(BN_new());
    if (!serial || BN_rand(serial.get(), 64, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert))) {
        *error = opensslError("serial");
        return {};
    }
    if (!X509_gmtime_adj(X509_getm_notBefore(cert), spec.notBeforeOffset)
        || !X509_gmtime_adj(X509_getm_notAfter(cert), spec.notAfterOffset)) {
        *error = opensslError("X509_gmtime_adj");
        return {};
    }
    X509_NAME *name = X509_get_subject_name(cert);
    if (X509_NAME_add_entry_by_txt(
            name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("Rolecall tests"), -1, -1, 0)
            != 1
        || X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
               reinterpret_cast<const unsigned char *>(spec.commonName.constData()), -1, -1, 0)
            != 1) {
        *error = opensslError("X509_NAME_add_entry_by_txt");
        return {};
    }
    X509 *issuerCert = issuer ? issuer->cert.get() : cert;
    EVP_PKEY *issuerKey = issuer ? issuer->key.get() : out.key.get();
    if (X509_set_issuer_name(cert, X509_get_subject_name(issuerCert)) != 1
        || X509_set_pubkey(cert, out.key.get()) != 1) {
        *error = opensslError("X509_set_issuer_name");
        return {};
    }

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuerCert, cert, nullptr, nullptr, 0);
    bool ok = addExtension(cert, &ctx, NID_subject_key_identifier, "hash")
        && addExtension(cert, &ctx, NID_authority_key_identifier, "keyid:always");
    if (spec.isCa) {
        ok = ok && addExtension(cert, &ctx, NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
            && addExtension(cert, &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        ok = ok && addExtension(cert, &ctx, NID_basic_constraints, "critical,CA:FALSE")
            && addExtension(cert, &ctx, NID_key_usage, "critical,digitalSignature")
            && addExtension(cert, &ctx, NID_ext_key_usage, "serverAuth")
            && addExtension(cert, &ctx, NID_subject_alt_name, spec.subjectAltNames.constData());
    }
    if (!ok) {
        *error = opensslError("X509V3_EXT_nconf_nid");
        return {};
    }
    if (X509_sign(cert, issuerKey, EVP_sha256()) <= 0) {
        *error = opensslError("X509_sign");
        return {};
    }
    return out;
}

QByteArray drain(BIO *bio)
{
    QByteArray out(static_cast<qsizetype>(BIO_ctrl_pending(bio)), Qt::Uninitialized);
    const int read = BIO_read(bio, out.data(), static_cast<int>(out.size()));
    out.resize(read > 0 ? read : 0);
    return out;
}

TestCertificate toPem(const Issued &issued, QString *error)
{
    Bio certBio(BIO_new(BIO_s_mem()));
    Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certBio || !keyBio || PEM_write_bio_X509(certBio.get(), issued.cert.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), issued.key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        *error = opensslError("PEM_write_bio");
        return {};
    }
    return {drain(certBio.get()), drain(keyBio.get())};
}

} // namespace

QSslCertificate TestCertificate::certificate() const
{
    return QSslCertificate(certificatePem, QSsl::Pem);
}

QSslKey TestCertificate::key() const
{
    return QSslKey(privateKeyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
}

TestPki::TestPki()
{
    const QByteArray localNames = QByteArrayLiteral("DNS:localhost,IP:127.0.0.1");
    QString error;
    const Issued caIssued = issue(caSpec("Rolecall Test CA"), nullptr, &error);
    const Issued otherCaIssued = issue(caSpec("Rolecall Unrelated CA"), nullptr, &error);
    if (!caIssued.cert || !otherCaIssued.cert) {
        m_error = error;
        return;
    }
    const Issued serverIssued = issue(leafSpec("localhost", localNames), &caIssued, &error);
    const Issued expiredIssued = issue(leafSpec("localhost", localNames, -2 * kDay, -kDay), &caIssued, &error);
    const Issued wrongIssued
        = issue(leafSpec("wrong-host.invalid", QByteArrayLiteral("DNS:wrong-host.invalid")), &caIssued, &error);
    const Issued untrustedIssued = issue(leafSpec("localhost", localNames), &otherCaIssued, &error);
    if (!serverIssued.cert || !expiredIssued.cert || !wrongIssued.cert || !untrustedIssued.cert) {
        m_error = error;
        return;
    }
    ca = toPem(caIssued, &error);
    otherCa = toPem(otherCaIssued, &error);
    server = toPem(serverIssued, &error);
    expired = toPem(expiredIssued, &error);
    wrongHost = toPem(wrongIssued, &error);
    untrusted = toPem(untrustedIssued, &error);
    if (!error.isEmpty())
        m_error = error;
}

bool TestPki::writeBundle(const QString &path, const QList<TestCertificate> &certificates)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (const TestCertificate &certificate : certificates) {
        if (file.write(certificate.certificatePem) != certificate.certificatePem.size())
            return false;
    }
    return file.flush();
}

} // namespace Rolecall::Test
