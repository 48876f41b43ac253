package io.mcremulator.server.hardening;

import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect 8: paging parameters are read strictly. Past 2^31-1, in digits other than ASCII, or given twice:
 * a 400 naming the parameter, never a clamped, guessed or first-wins value.
 */
class StrictPagingParamsTest extends ApiTestBase {
    private io.restassured.response.Response list(Caller c, String query) {
        return RestAssured.given()
                .baseUri(server.baseUrl())
                .urlEncodingEnabled(false)
                .header("Authorization", c.bearer())
                .get("/v0/registries?" + query);
    }

    @Test
    void outOfRangeNonAsciiAndRepeatedValuesAre400() {
        Caller c = Caller.random();
        for (String q : new String[] {
            "_limit=2147483648",
            "_offset=99999999999999999999",
            "_limit=%EF%BC%91", // FULLWIDTH DIGIT ONE
            "_offset=%D9%A1", // ARABIC-INDIC DIGIT ONE
            "_limit=+5",
            "_limit=%205",
            "_limit=1&_limit=2",
            "_offset=0&_offset=0",
            "_sort=name:asc&_sort=name:desc",
            "name=a&name=b",
        }) {
            io.restassured.response.Response r = list(c, q);
            assertError(r, 400, "bad_request");
        }
        list(c, "_limit=2147483647&_offset=2147483647")
                .then()
                .statusCode(200)
                .body("meta.page.limit", equalTo(2147483647));
        list(c, "_limit=007").then().statusCode(200).body("meta.page.limit", equalTo(7));
    }

    @Test
    void theRegistryApiReadsNStrictlyToo() {
        Caller c = Caller.random();
        String user = as(c).get("/v0/credentials").then().extract().path("username");
        String password = as(c).get("/v0/credentials").then().extract().path("password");
        for (String q : new String[] {"n=%EF%BC%91", "n=2147483648", "n=1&n=2", "last=a&last=b"}) {
            RestAssured.given()
                    .baseUri(server.baseUrl())
                    .urlEncodingEnabled(false)
                    .auth()
                    .preemptive()
                    .basic(user, password)
                    .get("/v2/_catalog?" + q)
                    .then()
                    .statusCode(400)
                    .contentType(ContentType.JSON)
                    .body("errors[0].message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        }
    }
}
