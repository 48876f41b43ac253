package io.mcremulator.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.mcremulator.server.support.RawSocketHttp;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect 2: each class of client mistake that used to be a 500 is a 4xx in the API's own format, and
 * changes nothing.
 */
class BadInputIsNever5xxTest extends ApiTestBase {
    private RequestSpecification plain() {
        return RestAssured.given()
                .baseUri(server.baseUrl())
                .urlEncodingEnabled(false)
                .contentType(ContentType.JSON);
    }

    private static void assertOciError(Response r, int status) {
        r.then()
                .statusCode(status)
                .contentType(ContentType.JSON)
                .body("errors[0].code", not(emptyOrNullString()))
                .body("errors[0].message", not(emptyOrNullString()));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }

    @Test
    void jwtsWithANullPayloadOrANullScopeAre401() {
        assertError(
                plain().header("Authorization", "Bearer bnVsbA.bnVsbA.").get("/v0/registries"), 401, "unauthorized");
        for (String payload : new String[] {
            "{\"tenant\":\"T.t1\",\"sub\":\"u\",\"scope\":[null]}",
            "{\"tenant\":\"T.t1\",\"sub\":\"u\",\"scope\":[\"mcr.read\",7]}",
            "{\"tenant\":\"T.t1\",\"sub\":\"u\",\"scope\":{}}",
            "{\"tenant\":7,\"sub\":\"u\"}",
            "{\"tenant\":\"T.t1\",\"sub\":[\"u\"]}",
            "[]",
            "\"text\""
        }) {
            String token = b64("{\"alg\":\"none\"}") + "." + b64(payload) + ".";
            assertError(plain().header("Authorization", "Bearer " + token).get("/v0/registries"), 401, "unauthorized");
        }
    }

    private RawSocketHttp.Answer raw(String method, String path, String headers, String body) {
        return RawSocketHttp.send(
                server.port(),
                method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Content-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body);
    }

    private static void assertMcr(RawSocketHttp.Answer a, int status, String what) {
        assertThat(a.status()).as(what).isEqualTo(status);
        assertThat(a.header("Content-Type")).as(what).startsWith("application/json");
        assertThat(a.body()).as(what).contains("\"slug\"").contains("\"message\"");
    }

    private static void assertOci(RawSocketHttp.Answer a, int status, String what) {
        assertThat(a.status()).as(what).isEqualTo(status);
        assertThat(a.header("Content-Type")).as(what).startsWith("application/json");
        assertThat(a.body()).as(what).startsWith("{\"errors\":[{\"code\":");
    }

    @Test
    void invalidPercentEscapesInPathsAre400() {
        Caller c = Caller.random();
        String registry = createRegistry(c, uniqueName("esc"));
        String auth = "Authorization: " + c.bearer() + "\r\n";
        for (String path : new String[] {
            "/v0/registries/" + registry + "/repositories/team/%u002e",
            "/v0/registries/" + registry + "/repositories/team/%u002e/images",
            "/v1/registries/" + registry + "/repositories/%u0041",
            "/br-se1/container-registry/v0/registries/%u0041",
            "/v0/proxy-caches/%u0041/status",
        }) {
            assertMcr(raw("GET", path, auth, ""), 400, "GET " + path);
            assertMcr(raw("DELETE", path, auth, ""), 400, "DELETE " + path);
            assertThat(raw("HEAD", path, auth, "").status()).as("HEAD " + path).isEqualTo(400);
        }
        assertOci(raw("GET", "/v2/reg/team/%u002e/tags/list", "", ""), 400, "/v2 tags");
        assertOci(raw("GET", "/v2/reg/team/manifests/%u0041", "", ""), 400, "/v2 manifest");
        // a path that holds "://" is still a path, not an absolute-form target (found by the fuzz campaign)
        assertOci(raw("POST", "/v2/reg/team/blobs/uploads/sha256://%00", "", ""), 400, "/v2 path with ://");
        assertMcr(raw("GET", "/v0/registries/x://%00", auth, ""), 400, "management path with ://");
        assertThat(raw("HEAD", "/v2/reg/team/manifests/%u0041", "", "").status())
                .isEqualTo(400);
        assertMcr(raw("GET", "/_emulator/snapshots/%u0041", "", ""), 400, "control");
        as(c).get("/v0/registries/" + registry).then().statusCode(200);
    }

    private String dockerLogin(Caller c) {
        io.restassured.path.json.JsonPath creds =
                as(c).get("/v0/credentials").then().statusCode(200).extract().jsonPath();
        return Base64.getEncoder()
                .encodeToString((creds.getString("username") + ":" + creds.getString("password")).getBytes());
    }

    @Test
    void theTokenFormRefusesOtherMediaTypesAndUnknownCharsetsWith415() {
        String form = "grant_type=password&username=u&password=p";
        assertOci(
                raw("POST", "/service/token", "Content-Type: multipart/form-data; boundary=x\r\n", "--x\r\n"),
                415,
                "multipart");
        assertOci(
                raw("POST", "/service/token", "Content-Type: application/x-www-form-urlencoded; charset=foo\r\n", form),
                415,
                "unknown charset");
        assertOci(
                raw(
                        "POST",
                        "/service/token",
                        "Content-Type: application/x-www-form-urlencoded; charset=\"x y\"\r\n",
                        form),
                415,
                "illegal charset name");
        assertOci(
                raw("POST", "/service/token", "Content-Type: application/x-www-form-urlencoded\r\n", "grant_type=%zz"),
                400,
                "bad escape");
        assertOci(raw("POST", "/service/token", "Content-Type: ;;;\r\n", form), 415, "empty media type");
        Caller owner = Caller.random();
        String registry = uniqueName("range");
        createRegistry(owner, registry);
        String login = dockerLogin(owner);
        RawSocketHttp.Answer started =
                raw("POST", "/v2/" + registry + "/team/blobs/uploads/", "Authorization: Basic " + login + "\r\n", "");
        assertThat(started.status()).isEqualTo(202);
        assertOci(
                raw(
                        "PATCH",
                        started.header("Location"),
                        "Authorization: Basic " + login + "\r\nContent-Range: 0-99999999999999999999\r\n",
                        "x"),
                416,
                "Content-Range past 2^63-1");
    }

    private RawSocketHttp.Answer chunked(String path, String chunks, String auth) {
        return RawSocketHttp.send(
                server.port(),
                "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + chunks);
    }

    @Test
    void malformedAndTruncatedChunkedBodiesAre400AndChangeNothing() {
        Caller c = Caller.random();
        String auth = "Authorization: " + c.bearer() + "\r\n";
        String before = exportWithoutTime();
        for (String path :
                new String[] {"/v0/registries", "/v0/proxy-caches", "/_emulator/seed", "/_emulator/faults"}) {
            for (String chunks : new String[] {
                "zz\r\nabc\r\n0\r\n\r\n", // not a hex size
                "10\r\n{\"name\":\"x\"", // cut inside a chunk
                "5\r\n{\"nam\r\n", // cut before the next size line
                "-1\r\nabc\r\n0\r\n\r\n",
                "fffffffffffffffffff\r\nabc\r\n0\r\n\r\n",
            }) {
                RawSocketHttp.Answer a = chunked(path, chunks, path.startsWith("/v0") ? auth : "");
                assertThat(a.status()).as(path + " with " + chunks).isBetween(400, 499);
                assertThat(a.body()).as(path + " body").contains("\"slug\"").contains("\"message\"");
            }
        }
        assertThat(exportWithoutTime()).isEqualTo(before);
        assertThat(plain().get("/_emulator/faults").then().extract().jsonPath().getList("faults"))
                .isEmpty();
    }

    private String exportWithoutTime() {
        return plain().get("/_emulator/export").asString().replaceAll("\"exported_at\":\"[^\"]*\"", "");
    }

    @Test
    void clockAdvancesThatOverflowOrPassYear9999Are400AndLeaveTheClockAsItWas() {
        plain().post("/_emulator/clock/resume").then().statusCode(200);
        for (String body : new String[] {
            "{\"seconds\":9223372036854775807}",
            "{\"seconds\":315537897600}",
            "{\"by\":\"PT9223372036854775807S\"}",
            "{\"by\":\"P999999999D\"}",
        }) {
            assertError(
                    plain().contentType(ContentType.JSON).body(body).post("/_emulator/clock/advance"),
                    400,
                    "bad_request");
            plain().get("/_emulator/clock").then().body("fixed", equalTo(false));
        }
        plain().contentType(ContentType.JSON)
                .body("{\"at\":\"9999-12-31T00:00:00Z\"}")
                .post("/_emulator/clock/fix")
                .then()
                .statusCode(200);
        assertError(
                plain().contentType(ContentType.JSON).body("{\"by\":\"P2D\"}").post("/_emulator/clock/advance"),
                400,
                "bad_request");
        plain().get("/_emulator/clock").then().body("now", equalTo("9999-12-31T00:00:00Z"));
        assertError(
                plain().contentType(ContentType.JSON)
                        .body("{\"at\":\"+10000-01-01T00:00:00Z\"}")
                        .post("/_emulator/clock/fix"),
                400,
                "bad_request");
        assertError(
                plain().contentType(ContentType.JSON)
                        .body(Map.of(
                                "registries",
                                java.util.List.of(Map.of(
                                        "tenant",
                                        "t",
                                        "name",
                                        uniqueName("y"),
                                        "created_at",
                                        "+10000-01-01T00:00:00Z"))))
                        .post("/_emulator/seed"),
                400,
                "bad_request");
        plain().post("/_emulator/clock/resume").then().statusCode(200);
    }
}
