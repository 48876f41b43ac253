package io.mcremulator.server.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcremulator.core.EmulatorConfig;
import io.mcremulator.server.McrEmulatorServer;
import io.mcremulator.server.support.ApiTestBase;
import io.mcremulator.server.support.Caller;
import org.junit.jupiter.api.Test;

/** {@code --existing-user-create conflict}: a second {@code createUser} by the same caller is 409, the user unchanged. */
class ExistingUserCreateConflictTest extends ApiTestBase {
    @Override
    protected McrEmulatorServer.Builder configure(McrEmulatorServer.Builder b) {
        return b.engine(
                EmulatorConfig.builder().existingUserCreateConflict(true).build());
    }

    @Test
    void aSecondCreateUserIsAConflict() {
        Caller alice = Caller.random();
        String id = as(alice).post("/v0/users").then().statusCode(201).extract().path("id");
        var again = as(alice).post("/v0/users");
        assertError(again, 409, "conflict");
        again.then().body("message", containsString(id)).body("detail.value", equalTo(id));
        as(alice).get("/v0/users").then().statusCode(200).body("id", equalTo(id));
        as(alice).delete("/v0/users/" + id).then().statusCode(204);
        as(alice).post("/v0/users").then().statusCode(201).body("id", equalTo(id));
    }
}
