#!/usr/bin/env bash
# Loads a ticketing center into an empty TicketOps (the mysql profile starts with no data) through the API:
# an event, a show, two ticket categories, the customers of docs/sample-customers.csv, and one order.
# Usage: docs/load-a-center.sh [BASE_URL] [USER] [PASSWORD]   (defaults: http://localhost:8080, $TICKETOPS_USER, $TICKETOPS_PASSWORD)
# Needs bash and curl. Stops at the first refusal and prints the problem details.
set -euo pipefail
base=${1:-http://localhost:8080}
user=${2:-${TICKETOPS_USER:?give a user (ticket-sales or operations-manager and customer-service, or the administrator)}}
password=${3:-${TICKETOPS_PASSWORD:?give the password}}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
call() { # METHOD PATH JSON → prints the answer; fails on anything but 2xx
  local answer status
  answer=$(curl -sS -u "$user:$password" -X "$1" -H 'Content-Type: application/json' -w '\n%{http_code}' \
    ${3:+--data "$3"} "$base$2")
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  if [[ $status != 2* ]]; then echo "$1 $2 → $status: $answer" >&2; exit 1; fi
  printf '%s' "$answer"
}
id_of() { grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }
in_days() { date -u -d "+$1 days 11:30" +%Y-%m-%dT%H:%M:00Z; }

event=$(call POST /api/events '{"name":"Shanghai Symphony: New Year Concert","kind":"CONCERT","organizer":"Shanghai Symphony Orchestra"}' | id_of)
show=$(call POST "/api/events/$event/shows" "{\"venue\":\"Shanghai Symphony Hall\",\"startsAt\":\"$(in_days 40)\",\"endsAt\":\"$(date -u -d '+40 days 13:30' +%Y-%m-%dT%H:%M:00Z)\"}" | id_of)
stalls=$(call POST "/api/shows/$show/categories" '{"name":"Stalls","type":"STANDARD","price":"380.00","capacity":800}' | id_of)
call POST "/api/shows/$show/categories" '{"name":"Boxes","type":"VIP","price":"1280.00","capacity":40}' >/dev/null
imported=$(curl -sS -u "$user:$password" -F "file=@$here/sample-customers.csv;type=text/csv" -w '\n%{http_code}' "$base/api/customers/import")
[[ ${imported##*$'\n'} == 201 ]] || { echo "import → ${imported}" >&2; exit 1; }
customer=$(call GET "/api/customers?query=li.na@example.cn" | id_of)
order=$(call POST /api/orders "{\"customerId\":$customer,\"channel\":\"BOX_OFFICE\",\"lines\":[{\"categoryId\":$stalls,\"quantity\":2}],\"payment\":{\"method\":\"CASH\"}}" | id_of)
echo "event $event, show $show, categories $stalls and one more, customers ${imported%$'\n'*}, order $order"
